package dev.orderflow.order.port.in;

import dev.orderflow.shared.OrderId;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/** The recovery step: brings orders left pending by a timeout or a crash to their final state. */
public interface ResolvePendingOrdersUseCase {

    Mono<RecoveryReport> resolvePendingOrders();

    /**
     * What one run did.
     *
     * @param stillPending     orders it looked at and left pending (the inventory is down, or resolving failed)
     * @param oldestPendingAge how old the oldest pending order it looked at was; zero when there was none
     * @param failures         why each order it could not resolve failed, for the caller to report
     */
    record RecoveryReport(int confirmed, int rejected, int stillPending, Duration oldestPendingAge,
                          List<Failure> failures) {

        public RecoveryReport {
            failures = List.copyOf(failures);
        }

        public static RecoveryReport none() {
            return new RecoveryReport(0, 0, 0, Duration.ZERO, List.of());
        }

        public int resolved() {
            return confirmed + rejected;
        }
    }

    /** An order the run could not resolve, and why. */
    record Failure(OrderId orderId, Throwable error) {
    }
}
