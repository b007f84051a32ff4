package dev.orderflow.order.port.in;

import reactor.core.publisher.Mono;

public interface PlaceOrderUseCase {

    /** Stores the order as pending, reserves its stock, and stores the outcome, as far as each step succeeds. */
    Mono<PlaceOrderResult> place(PlaceOrderCommand command);
}
