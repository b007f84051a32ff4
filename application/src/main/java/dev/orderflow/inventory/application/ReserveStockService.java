package dev.orderflow.inventory.application;

import dev.orderflow.inventory.FindReservationUseCase;
import dev.orderflow.inventory.ReservationConflictException;
import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.inventory.ReserveStockCommand;
import dev.orderflow.inventory.ReserveStockUseCase;
import dev.orderflow.inventory.domain.InventoryItem;
import dev.orderflow.inventory.domain.Reservation;
import dev.orderflow.inventory.port.out.InventoryRepository;
import dev.orderflow.inventory.port.out.StockLedger;
import dev.orderflow.inventory.port.out.StockLedger.CommitOutcome;
import dev.orderflow.shared.OrderId;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Mono;

/**
 * Decides on a reservation from a consistent read, then records it with a write that is conditional on what
 * was read. When the condition fails (another order took stock, or the price changed, in between) it decides
 * again on fresh data. The store, not this class, guarantees that stock never goes below zero.
 */
public class ReserveStockService implements ReserveStockUseCase, FindReservationUseCase {

    /** Each lost race means another order made progress, so this bounds only pathological contention. */
    static final int MAX_ATTEMPTS = 40;
    /**
     * Orders that lost a race for the same product wait a random moment before deciding again. Without it they
     * all retry at once and collide again, so a burst of n orders for one product costs n² transactions.
     */
    private static final int MAX_BACKOFF_MILLIS = 40;

    private final InventoryRepository inventory;
    private final StockLedger ledger;
    private final Clock clock;

    public ReserveStockService(InventoryRepository inventory, StockLedger ledger, Clock clock) {
        this.inventory = inventory;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Decides without looking for an earlier decision first: the ledger's write is conditional on there being none,
     * and reports a repeated order id as {@link CommitOutcome#ALREADY_RECORDED}, so the first decision still wins.
     * That saves a read on every new order, the common case, at the price of a wasted write on a repeat.
     */
    @Override
    public Mono<ReservationResult> reserve(ReserveStockCommand command) {
        return decide(command, 1);
    }

    @Override
    public Mono<ReservationResult> withdraw(ReserveStockCommand command) {
        Reservation withdrawal = new Reservation(command.orderId(), command.productId(), command.quantity(),
                command.customerId(), new ReservationResult.Withdrawn(clock.instant()));
        // A rejection is written without a stock condition, so it never reports STOCK_CHANGED: no attempts left.
        return ledger.recordRejection(withdrawal)
                .flatMap(outcome -> settle(command, withdrawal, outcome, MAX_ATTEMPTS));
    }

    @Override
    public Mono<ReservationResult> find(OrderId orderId) {
        return ledger.find(orderId).map(Reservation::result);
    }

    private Mono<ReservationResult> decide(ReserveStockCommand command, int attempt) {
        return inventory.find(command.productId())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(item -> {
                    Reservation proposal = propose(command, item);
                    Mono<CommitOutcome> write = proposal.holdsStock()
                            ? ledger.commit(proposal, item.orElseThrow().price())
                            : ledger.recordRejection(proposal);
                    return write.flatMap(outcome -> settle(command, proposal, outcome, attempt));
                });
    }

    private Reservation propose(ReserveStockCommand command, Optional<InventoryItem> item) {
        ReservationResult result;
        if (item.isEmpty()) {
            result = new ReservationResult.UnknownProduct(clock.instant());
        } else if (item.get().canSupply(command.quantity())) {
            result = new ReservationResult.Reserved(item.get().priceOf(command.quantity()), clock.instant());
        } else {
            result = new ReservationResult.InsufficientStock(clock.instant());
        }
        return new Reservation(command.orderId(), command.productId(), command.quantity(), command.customerId(),
                result);
    }

    private Mono<ReservationResult> settle(ReserveStockCommand command, Reservation proposal, CommitOutcome outcome,
                                           int attempt) {
        return switch (outcome) {
            case COMMITTED -> Mono.just(proposal.result());
            case ALREADY_RECORDED -> ledger.find(command.orderId())
                    .map(existing -> answerRepeated(existing, command))
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                            "reservation of " + command.orderId() + " reported but not found")));
            case STOCK_CHANGED -> attempt < MAX_ATTEMPTS
                    ? Mono.delay(backoff(attempt)).then(Mono.defer(() -> decide(command, attempt + 1)))
                    : Mono.error(new IllegalStateException(
                            "stock of " + command.productId() + " kept changing during " + MAX_ATTEMPTS + " attempts"));
        };
    }

    private static Duration backoff(int attempt) {
        int ceiling = Math.min(MAX_BACKOFF_MILLIS, 2 * attempt);
        return Duration.ofMillis(ThreadLocalRandom.current().nextInt(1, ceiling + 1));
    }

    private static ReservationResult answerRepeated(Reservation existing, ReserveStockCommand command) {
        if (!existing.isFor(command.productId(), command.quantity(), command.customerId())) {
            throw new ReservationConflictException(command.orderId());
        }
        return existing.result();
    }
}
