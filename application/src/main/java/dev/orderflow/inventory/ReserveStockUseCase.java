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
}
