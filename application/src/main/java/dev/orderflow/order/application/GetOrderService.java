package dev.orderflow.order.application;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.port.in.GetOrderUseCase;
import dev.orderflow.order.port.out.OrderRepository;
import dev.orderflow.shared.OrderId;
import reactor.core.publisher.Mono;

public class GetOrderService implements GetOrderUseCase {

    private final OrderRepository orders;

    public GetOrderService(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public Mono<Order> get(OrderId orderId) {
        return orders.find(orderId);
    }
}
