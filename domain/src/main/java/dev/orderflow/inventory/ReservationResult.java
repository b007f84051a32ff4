package dev.orderflow.inventory;

import dev.orderflow.shared.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the inventory answered for one order. Business rejections are values, not exceptions: an order that
 * asks for more than there is, or for a product that does not exist, is an ordinary outcome.
 */
public sealed interface ReservationResult {

    Instant processedAt();

    /**
     * The one way to take a result apart: every caller names what it does with each outcome, so adding an outcome
     * breaks every mapping at compile time (Java 17 has no exhaustive switch over sealed types).
     */
    <T> T match(Function<Reserved, T> reserved, Function<InsufficientStock, T> insufficientStock,
                Function<UnknownProduct, T> unknownProduct, Function<Withdrawn, T> withdrawn);

    record Reserved(Money totalPrice, Instant processedAt) implements ReservationResult {
        public Reserved {
            Objects.requireNonNull(totalPrice, "totalPrice");
            Objects.requireNonNull(processedAt, "processedAt");
        }

        @Override
        public <T> T match(Function<Reserved, T> reserved, Function<InsufficientStock, T> insufficientStock,
                           Function<UnknownProduct, T> unknownProduct, Function<Withdrawn, T> withdrawn) {
            return reserved.apply(this);
        }
    }

    record InsufficientStock(Instant processedAt) implements ReservationResult {
        public InsufficientStock {
            Objects.requireNonNull(processedAt, "processedAt");
        }

        @Override
        public <T> T match(Function<Reserved, T> reserved, Function<InsufficientStock, T> insufficientStock,
                           Function<UnknownProduct, T> unknownProduct, Function<Withdrawn, T> withdrawn) {
            return insufficientStock.apply(this);
        }
    }

    record UnknownProduct(Instant processedAt) implements ReservationResult {
        public UnknownProduct {
            Objects.requireNonNull(processedAt, "processedAt");
        }

        @Override
        public <T> T match(Function<Reserved, T> reserved, Function<InsufficientStock, T> insufficientStock,
                           Function<UnknownProduct, T> unknownProduct, Function<Withdrawn, T> withdrawn) {
            return unknownProduct.apply(this);
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

        @Override
        public <T> T match(Function<Reserved, T> reserved, Function<InsufficientStock, T> insufficientStock,
                           Function<UnknownProduct, T> unknownProduct, Function<Withdrawn, T> withdrawn) {
            return withdrawn.apply(this);
        }
    }
}
