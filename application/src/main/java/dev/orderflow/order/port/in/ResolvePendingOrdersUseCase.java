package dev.orderflow.order.port.in;

import reactor.core.publisher.Mono;

/** The recovery step: brings orders left pending by a timeout or a crash to their final state. */
public interface ResolvePendingOrdersUseCase {

    Mono<RecoveryReport> resolvePendingOrders();

    record RecoveryReport(int confirmed, int rejected, int stillPending) {

        public int resolved() {
            return confirmed + rejected;
        }
    }
}
