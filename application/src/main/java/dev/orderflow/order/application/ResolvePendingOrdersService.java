package dev.orderflow.order.application;

import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.inventory.ReserveStockCommand;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.port.in.ResolvePendingOrdersUseCase;
import dev.orderflow.order.port.out.OrderRepository;
import dev.orderflow.order.port.out.StockReservations;
import java.time.Clock;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Resolves pending orders: asks the inventory what it decided for each; if it never decided, reserves now
 * (safe, the order id makes it idempotent). An order too old to still be wanted is withdrawn in the inventory's
 * ledger instead, which stores the expiry only if nothing was decided, atomically: a retry of the order that
 * reserves at the same moment either wins (and the order is confirmed) or finds it withdrawn, never both.
 * Several gateway instances may run this at once: every step is idempotent and an outcome, once stored,
 * is never overwritten.
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
        var pendingOrders = orders.findPending(now.minus(policy.minimumAge()), policy.batchSize());
        if (reservations.knownUnavailableFor().isPresent()) {
            return pendingOrders.count().map(pending -> new RecoveryReport(0, 0, pending.intValue()));
        }
        return pendingOrders
                .concatMap(pending -> resolve(pending, now)
                        .onErrorResume(e -> Mono.just(pending)))
                .reduce(new RecoveryReport(0, 0, 0), ResolvePendingOrdersService::count);
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

    private static RecoveryReport count(RecoveryReport report, Order order) {
        return switch (order.status()) {
            case CONFIRMED -> new RecoveryReport(report.confirmed() + 1, report.rejected(), report.stillPending());
            case REJECTED -> new RecoveryReport(report.confirmed(), report.rejected() + 1, report.stillPending());
            case PENDING -> new RecoveryReport(report.confirmed(), report.rejected(), report.stillPending() + 1);
        };
    }
}
