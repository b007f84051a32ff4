package dev.orderflow.order.port.in;

import dev.orderflow.order.domain.Order;
import dev.orderflow.shared.OrderId;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * What placing an order came to, as a client must be able to tell it: decided, stored but decided later, or not
 * stored at all. Every outcome is a value; an exception out of {@link PlaceOrderUseCase} is a bug.
 */
public sealed interface PlaceOrderResult {

    /**
     * The one way to take a result apart: every caller names what it does with each outcome, so adding an outcome
     * breaks every caller at compile time (Java 17 has no exhaustive switch over sealed types).
     */
    <T> T match(Function<Decided, T> decided, Function<Accepted, T> accepted, Function<NotPlaced, T> notPlaced,
                Function<KeyReused, T> keyReused);

    /**
     * The order is confirmed or rejected, and stored so.
     *
     * @param replayed whether the order existed before this request (same idempotency key)
     */
    record Decided(Order order, boolean replayed) implements PlaceOrderResult {
        public Decided {
            Objects.requireNonNull(order, "order");
            if (order.isPending()) {
                throw new IllegalArgumentException("a decided order is not pending");
            }
        }

        @Override
        public <T> T match(Function<Decided, T> decided, Function<Accepted, T> accepted,
                           Function<NotPlaced, T> notPlaced, Function<KeyReused, T> keyReused) {
            return decided.apply(this);
        }
    }

    /**
     * The order is stored pending and will be decided by the recovery step; the client follows the order's
     * location. Said when the inventory could not answer, or its answer could not be recorded, after the order was
     * stored, and when the store failed so that the order may have been stored: it is never "not placed" then.
     */
    record Accepted(Order order, boolean replayed) implements PlaceOrderResult {
        public Accepted {
            Objects.requireNonNull(order, "order");
        }

        @Override
        public <T> T match(Function<Decided, T> decided, Function<Accepted, T> accepted,
                           Function<NotPlaced, T> notPlaced, Function<KeyReused, T> keyReused) {
            return accepted.apply(this);
        }
    }

    /** This request stored nothing: the client may send it again after {@code retryAfter}. */
    record NotPlaced(Reason reason, Duration retryAfter) implements PlaceOrderResult {

        public enum Reason {
            /** The inventory is known to be down, so the order was not taken. */
            INVENTORY_UNAVAILABLE,
            /** The order store did not take the order: down, unreachable or throttling. */
            STORE_UNAVAILABLE
        }

        public NotPlaced {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        @Override
        public <T> T match(Function<Decided, T> decided, Function<Accepted, T> accepted,
                           Function<NotPlaced, T> notPlaced, Function<KeyReused, T> keyReused) {
            return notPlaced.apply(this);
        }
    }

    /** The idempotency key belongs to an order for another product, quantity or customer; nothing changed. */
    record KeyReused(OrderId orderId) implements PlaceOrderResult {
        public KeyReused {
            Objects.requireNonNull(orderId, "orderId");
        }

        @Override
        public <T> T match(Function<Decided, T> decided, Function<Accepted, T> accepted,
                           Function<NotPlaced, T> notPlaced, Function<KeyReused, T> keyReused) {
            return keyReused.apply(this);
        }
    }
}
