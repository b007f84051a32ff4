package dev.orderflow.order.port.out;

import dev.orderflow.testing.InMemoryOrderRepository;

class InMemoryOrderRepositoryContractTest extends OrderRepositoryContract {

    @Override
    protected OrderRepository repository() {
        return new InMemoryOrderRepository();
    }
}
