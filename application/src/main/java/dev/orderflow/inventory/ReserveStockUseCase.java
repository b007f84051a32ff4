package dev.orderflow.inventory;

import reactor.core.publisher.Mono;

/**
 * Reserves stock for an order exactly once: asked again with the same order id it answers what it answered
 * the first time and reserves nothing more.
 */
public interface ReserveStockUseCase {

    /**
     * @return the decision; fails with {@link ReservationConflictException} if the order id was already used
     *         for a different request
     */
    Mono<ReservationResult> reserve(ReserveStockCommand command);

    /**
     * Gives an undecided order up for good: records {@link ReservationResult.Withdrawn} unless the order was
     * decided already, atomically, so a reservation racing with the withdrawal either wins or never happens.
     *
     * @return the decision that stands: the withdrawal, or the earlier decision
     */
    Mono<ReservationResult> withdraw(ReserveStockCommand command);
}
