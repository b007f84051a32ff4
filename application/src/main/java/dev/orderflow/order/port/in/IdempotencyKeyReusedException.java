package dev.orderflow.order.port.in;

/** The idempotency key already belongs to an order for another product, quantity or customer. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was already used for a different order");
    }
}
