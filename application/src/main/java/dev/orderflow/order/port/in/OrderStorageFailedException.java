package dev.orderflow.order.port.in;

import dev.orderflow.shared.OrderId;

/**
 * The order store failed while the order was being placed: the order may or may not have been stored. If it was,
 * it is pending and the recovery step resolves it; its id lets the client find out, or retry safely with the
 * same Idempotency-Key.
 */
public class OrderStorageFailedException extends RuntimeException {

    private final transient OrderId orderId;

    public OrderStorageFailedException(OrderId orderId, Throwable cause) {
        super("storing order " + orderId + " failed", cause);
        this.orderId = orderId;
    }

    public OrderId orderId() {
        return orderId;
    }
}
