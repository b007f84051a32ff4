package dev.orderflow.testing;

import dev.orderflow.inventory.application.InventoryService;
import dev.orderflow.inventory.application.ReserveStockService;
import dev.orderflow.inventory.domain.InventoryItem;
import dev.orderflow.order.application.GetOrderService;
import dev.orderflow.order.application.PendingOrderPolicy;
import dev.orderflow.order.application.PlaceOrderService;
import dev.orderflow.order.application.ResolvePendingOrdersService;
import dev.orderflow.shared.Money;
import dev.orderflow.shared.ProductId;
import java.time.Duration;
import java.time.Instant;

/** Both modules wired in memory exactly as the monolith wires them, for tests of the use cases. */
public class OrderFlowFixture {

    public static final ProductId WIDGET = new ProductId("widget-1");
    public static final Money WIDGET_PRICE = new Money(1999);
    public static final PendingOrderPolicy POLICY =
            new PendingOrderPolicy(Duration.ofSeconds(10), Duration.ofMinutes(15), 100);

    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    public final InMemoryInventory inventory = new InMemoryInventory();
    public final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    public final ReserveStockService reserveStock = new ReserveStockService(inventory, inventory, clock);
    public final InventoryService inventoryService = new InventoryService(inventory);
    public final FaultableStockReservations reservations = new FaultableStockReservations(reserveStock, reserveStock);
    public final PlaceOrderService placeOrder = new PlaceOrderService(orders, reservations, POLICY, clock);
    public final GetOrderService getOrder = new GetOrderService(orders);
    public final ResolvePendingOrdersService recovery =
            new ResolvePendingOrdersService(orders, reservations, POLICY, clock);

    public OrderFlowFixture withStock(ProductId productId, long stock) {
        inventory.save(new InventoryItem(productId, stock, WIDGET_PRICE, "Widget")).block();
        return this;
    }
}
