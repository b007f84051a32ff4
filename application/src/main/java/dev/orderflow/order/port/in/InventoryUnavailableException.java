package dev.orderflow.order.port.in;

import dev.orderflow.shared.OrderId;
import java.time.Duration;
import java.util.Optional;

/**
 * The inventory could not be asked. If an order was already stored it stays pending, and the recovery step
 * resolves it once the inventory answers again.
 *
 * @param pendingOrder the order left pending, or empty if nothing was stored (the inventory was known to be
 *                     unavailable before the order was accepted)
 */
public class InventoryUnavailableException extends RuntimeException {

    private final transient Optional<OrderId> pendingOrder;
    private final Duration retryAfter;

    public InventoryUnavailableException(Optional<OrderId> pendingOrder, Duration retryAfter, Throwable cause) {
        super("the inventory is unavailable", cause);
        this.pendingOrder = pendingOrder;
        this.retryAfter = retryAfter;
    }

    public Optional<OrderId> pendingOrder() {
        return pendingOrder;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
