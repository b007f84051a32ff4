package dev.orderflow.inventory;

import dev.orderflow.shared.OrderId;
import reactor.core.publisher.Mono;

/** Tells what was decided for an order, if anything; lets the order module resolve an order left pending. */
public interface FindReservationUseCase {

    /** @return the decision, or empty if the inventory never decided on this order */
    Mono<ReservationResult> find(OrderId orderId);
}
