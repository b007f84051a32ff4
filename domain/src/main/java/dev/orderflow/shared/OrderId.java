package dev.orderflow.shared;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identifies one order across both modules; the processor uses it as the reservation's idempotency key. */
public record OrderId(String value) {

    public OrderId {
        Identifiers.require(value, "order_id");
    }

    public static OrderId random() {
        return new OrderId(UUID.randomUUID().toString());
    }

    /**
     * The same client key always names the same order, so a retried request finds the order it created
     * instead of creating a second one. No lookup table is needed, and no race between two such requests:
     * the store's "create if absent" decides which of them created it.
     */
    public static OrderId forIdempotencyKey(IdempotencyKey key) {
        return new OrderId(UUID.nameUUIDFromBytes(("idempotency-key:" + key.value())
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
