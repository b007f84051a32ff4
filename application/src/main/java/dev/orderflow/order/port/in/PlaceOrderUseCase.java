package dev.orderflow.order.port.in;

import reactor.core.publisher.Mono;

public interface PlaceOrderUseCase {

    /**
     * Stores the order as pending, reserves its stock, and stores the outcome.
     *
     * @return the confirmed or rejected order; fails with {@link IdempotencyKeyReusedException},
     *         {@link InventoryUnavailableException}, {@link InventoryTimeoutException} or
     *         {@link OrderStorageFailedException}
     */
    Mono<PlacedOrder> place(PlaceOrderCommand command);
}
