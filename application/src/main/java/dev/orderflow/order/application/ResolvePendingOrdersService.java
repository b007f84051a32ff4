package dev.orderflow.order.application;

import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.inventory.ReserveStockCommand;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.port.in.ResolvePendingOrdersUseCase;
import dev.orderflow.order.port.out.OrderRepository;
import dev.orderflow.order.port.out.StockReservations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Resolves pending orders: asks the inventory what it decided for each; if it never decided, reserves now
 * (safe, the order id makes it idempotent). An order too old to still be wanted is withdrawn in the inventory's
 * ledger instead, which stores the expiry only if nothing was decided, atomically: a retry of the order that
 * reserves at the same moment either wins (and the order is confirmed) or finds it withdrawn, never both.
 * Several gateway instances may run this at once: every step is idempotent and an outcome, once stored,
 * is never overwritten. An order that cannot be resolved now stays pending for the next run, and the report says
 * why, for the caller to log: this use case knows no logging.
 */
public class ResolvePendingOrdersService implements ResolvePendingOrdersUseCase {

    private final OrderRepository orders;
    private final StockReservations reservations;
    private final PendingOrderPolicy policy;
    private final Clock clock;

    public ResolvePendingOrdersService(OrderRepository orders, StockReservations reservations,
                                       PendingOrderPolicy policy, Clock clock) {
        this.orders = orders;
        this.reservations = reservations;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Mono<RecoveryReport> resolvePendingOrders() {
        Instant now = clock.instant();
        return orders.findPending(now.minus(policy.minimumAge()), policy.batchSize())
                .collectList()
                .flatMap(pending -> {
                    Duration oldest = pending.isEmpty() ? Duration.ZERO
                            : Duration.between(pending.get(0).createdAt(), now);
                    Run run = new Run(oldest);
                    if (reservations.knownUnavailableFor().isPresent()) {
                        pending.forEach(order -> run.leftPending());
                        return Mono.just(run.report());
                    }
                    return Flux.fromIterable(pending)
                            .concatMap(order -> resolve(order, now)
                                    .doOnNext(run::count)
                                    .onErrorResume(e -> {
                                        run.failed(order, e);
                                        return Mono.empty();
                                    }))
                            .then(Mono.fromSupplier(run::report));
                });
    }

    private Mono<Order> resolve(Order pending, Instant now) {
        boolean expired = pending.createdAt().isBefore(now.minus(policy.maximumAge()));
        Mono<ReservationResult> decision = expired
                ? reservations.withdraw(commandFor(pending))
                : reservations.find(pending.orderId())
                        .switchIfEmpty(Mono.defer(() -> reservations.reserve(commandFor(pending))));
        return decision.map(pending::resolvedBy).flatMap(orders::resolve);
    }

    private static ReserveStockCommand commandFor(Order order) {
        return new ReserveStockCommand(order.orderId(), order.productId(), order.quantity(), order.customerId());
    }

    /** The tally of one run; its orders are resolved one after another. */
    private static final class Run {

        private final Duration oldestPendingAge;
        private final List<Failure> failures = new ArrayList<>();
        private int confirmed;
        private int rejected;
        private int stillPending;

        Run(Duration oldestPendingAge) {
            this.oldestPendingAge = oldestPendingAge;
        }

        void count(Order order) {
            switch (order.status()) {
                case CONFIRMED -> confirmed++;
                case REJECTED -> rejected++;
                case PENDING -> stillPending++;
            }
        }

        void leftPending() {
            stillPending++;
        }

        void failed(Order order, Throwable error) {
            stillPending++;
            failures.add(new Failure(order.orderId(), error));
        }

        RecoveryReport report() {
            return new RecoveryReport(confirmed, rejected, stillPending, oldestPendingAge, failures);
        }
    }
}
