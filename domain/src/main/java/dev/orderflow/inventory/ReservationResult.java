package dev.orderflow.inventory;

import dev.orderflow.shared.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * What the inventory answered for one order. Business rejections are values, not exceptions: an order that
 * asks for more than there is, or for a product that does not exist, is an ordinary outcome.
 */
public sealed interface ReservationResult {

    record Reserved(Money totalPrice, Instant processedAt) implements ReservationResult {
        public Reserved {
            Objects.requireNonNull(totalPrice, "totalPrice");
            Objects.requireNonNull(processedAt, "processedAt");
        }
    }

    record InsufficientStock(Instant processedAt) implements ReservationResult {
        public InsufficientStock {
            Objects.requireNonNull(processedAt, "processedAt");
        }
    }

    record UnknownProduct(Instant processedAt) implements ReservationResult {
        public UnknownProduct {
            Objects.requireNonNull(processedAt, "processedAt");
        }
    }

    /**
     * The order side gave the order up (it stayed pending too long) before the inventory decided: nothing was
     * reserved, and nothing ever will be for this order id.
     */
    record Withdrawn(Instant processedAt) implements ReservationResult {
        public Withdrawn {
            Objects.requireNonNull(processedAt, "processedAt");
        }
    }

    Instant processedAt();
}
