package dev.orderflow.order.wiring;

import reactor.core.publisher.Mono;

/** Whether the inventory answers, however it is reached: part of the gateway's {@code /health}. */
@FunctionalInterface
public interface InventoryProbe {

    Mono<Boolean> isUp();
}
