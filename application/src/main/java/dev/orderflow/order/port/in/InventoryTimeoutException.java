package dev.orderflow.order.port.in;

import dev.orderflow.shared.OrderId;

/** The inventory did not answer in time; the order is kept pending and resolved by the recovery step. */
public class InventoryTimeoutException extends RuntimeException {

    private final transient OrderId pendingOrder;

    public InventoryTimeoutException(OrderId pendingOrder, Throwable cause) {
        super("the inventory did not answer in time", cause);
        this.pendingOrder = pendingOrder;
    }

    public OrderId pendingOrder() {
        return pendingOrder;
    }
}
