package dev.orderflow.order.adapter.out.inprocess;

import dev.orderflow.inventory.domain.InventoryItem;
import dev.orderflow.order.port.out.StockReservations;
import dev.orderflow.order.port.out.StockReservationsContract;
import dev.orderflow.shared.ProductId;
import dev.orderflow.testing.OrderFlowFixture;

/** The in-process adapter (monolith mode) against the port's contract, over the inventory's real use cases. */
class InProcessStockReservationsContractTest extends StockReservationsContract {

    private final OrderFlowFixture flow = new OrderFlowFixture();

    @Override
    protected StockReservations reservations() {
        return new InProcessStockReservations(flow.reserveStock, flow.reserveStock);
    }

    @Override
    protected void stock(ProductId product, long units) {
        flow.inventory.save(new InventoryItem(product, units, UNIT_PRICE, "Contract")).block();
    }

    @Override
    protected long stockOf(ProductId product) {
        return flow.inventory.stockOf(product);
    }
}
