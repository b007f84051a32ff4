package dev.orderflow.inventory.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.inventory.domain.InventoryItem;
import dev.orderflow.inventory.domain.Reservation;
import dev.orderflow.inventory.port.out.StockLedger.CommitOutcome;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.Money;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What every {@link StockLedger} must guarantee, run against the in-memory fake and DynamoDB: stock never below
 * zero, one reservation per order, and every unit accounted for (initial = current + reserved).
 */
public abstract class StockLedgerContract {

    private static final Money PRICE = new Money(250);
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private StockLedger ledger;
    private InventoryRepository inventory;
    private ProductId product;

    /** The ledger and the inventory it takes stock from, over the same store. */
    protected abstract StockLedger ledger();

    protected abstract InventoryRepository inventory();

    @BeforeEach
    void setUp() {
        ledger = ledger();
        inventory = inventory();
        product = new ProductId("p-" + UUID.randomUUID());
    }

    @Test
    void givenEnoughStock_whenCommitting_thenStockIsTakenAndTheReservationRecorded() {
        stock(10);
        Reservation reservation = reserved(order(), 4);

        assertThat(ledger.commit(reservation, PRICE).block()).isEqualTo(CommitOutcome.COMMITTED);
        assertThat(stockLeft()).isEqualTo(6);
        assertThat(ledger.find(reservation.orderId()).block()).isEqualTo(reservation);
    }

    @Test
    void givenTooLittleStock_whenCommitting_thenNothingChanges() {
        stock(3);
        Reservation reservation = reserved(order(), 4);

        assertThat(ledger.commit(reservation, PRICE).block()).isEqualTo(CommitOutcome.STOCK_CHANGED);
        assertThat(stockLeft()).isEqualTo(3);
        assertThat(ledger.find(reservation.orderId()).block()).isNull();
    }

    @Test
    void givenAChangedPrice_whenCommittingAtTheOldPrice_thenNothingChanges() {
        stock(10);

        assertThat(ledger.commit(reserved(order(), 1), new Money(999)).block()).isEqualTo(CommitOutcome.STOCK_CHANGED);
        assertThat(stockLeft()).isEqualTo(10);
    }

    @Test
    void givenAnUnknownProduct_whenCommitting_thenNothingChanges() {
        assertThat(ledger.commit(reserved(order(), 1), PRICE).block()).isEqualTo(CommitOutcome.STOCK_CHANGED);
        assertThat(inventory.find(product).block()).isNull();
    }

    @Test
    void givenARecordedOrder_whenCommittingItAgain_thenItIsReportedAndNoMoreStockIsTaken() {
        stock(10);
        OrderId orderId = order();
        ledger.commit(reserved(orderId, 2), PRICE).block();

        assertThat(ledger.commit(reserved(orderId, 2), PRICE).block()).isEqualTo(CommitOutcome.ALREADY_RECORDED);
        assertThat(stockLeft()).isEqualTo(8);
    }

    @Test
    void givenARecordedOrder_whenCommittingItAgainAfterTheStockRanOut_thenItIsStillReportedAsAlreadyRecorded() {
        stock(2);
        OrderId orderId = order();
        ledger.commit(reserved(orderId, 2), PRICE).block();

        assertThat(ledger.commit(reserved(orderId, 2), PRICE).block()).isEqualTo(CommitOutcome.ALREADY_RECORDED);
        assertThat(stockLeft()).isZero();
    }

    @Test
    void givenARejection_whenRecordedTwice_thenTheFirstStandsAndNoStockMoves() {
        stock(1);
        Reservation rejected = new Reservation(order(), product, new Quantity(5), new CustomerId("c-1"),
                new ReservationResult.InsufficientStock(NOW));

        assertThat(ledger.recordRejection(rejected).block()).isEqualTo(CommitOutcome.COMMITTED);
        assertThat(ledger.recordRejection(rejected).block()).isEqualTo(CommitOutcome.ALREADY_RECORDED);
        assertThat(ledger.find(rejected.orderId()).block()).isEqualTo(rejected);
        assertThat(stockLeft()).isEqualTo(1);
    }

    @Test
    void givenAWithdrawnOrder_whenCommittingAReservationForIt_thenItIsReportedAsAlreadyRecordedAndKeptWithdrawn() {
        stock(10);
        Reservation withdrawn = new Reservation(order(), product, new Quantity(1), new CustomerId("c-1"),
                new ReservationResult.Withdrawn(NOW));
        ledger.recordRejection(withdrawn).block();

        assertThat(ledger.commit(reserved(withdrawn.orderId(), 1), PRICE).block())
                .isEqualTo(CommitOutcome.ALREADY_RECORDED);
        assertThat(ledger.find(withdrawn.orderId()).block()).isEqualTo(withdrawn);
        assertThat(stockLeft()).isEqualTo(10);
    }

    @Test
    void givenARejectedOrder_whenCommittingAReservationForIt_thenItIsReportedAsAlreadyRecorded() {
        stock(10);
        OrderId orderId = order();
        ledger.recordRejection(new Reservation(orderId, product, new Quantity(1), new CustomerId("c-1"),
                new ReservationResult.UnknownProduct(NOW))).block();

        assertThat(ledger.commit(reserved(orderId, 1), PRICE).block()).isEqualTo(CommitOutcome.ALREADY_RECORDED);
        assertThat(stockLeft()).isEqualTo(10);
    }

    @Test
    void givenManyConcurrentCommits_whenStockRunsOut_thenExactlyTheStockIsReservedAndNeverBelowZero() {
        stock(30);
        List<Reservation> attempts = IntStream.range(0, 100).mapToObj(i -> reserved(order(), 1)).toList();

        List<CommitOutcome> outcomes = Flux.fromIterable(attempts)
                .parallel(16).runOn(Schedulers.boundedElastic())
                .flatMap(this::commitRetryingLostRaces)
                .sequential().collectList().block();

        assertThat(outcomes.stream().filter(CommitOutcome.COMMITTED::equals)).hasSize(30);
        assertThat(stockLeft()).isZero();
        long reserved = attempts.stream()
                .map(attempt -> ledger.find(attempt.orderId()).block())
                .filter(found -> found != null)
                .mapToLong(found -> found.quantity().value())
                .sum();
        assertThat(30 - stockLeft()).isEqualTo(reserved);
    }

    /** As the reservation use case does: a lost race is decided again on a fresh read. */
    private Mono<CommitOutcome> commitRetryingLostRaces(Reservation reservation) {
        return ledger.commit(reservation, PRICE).flatMap(outcome -> outcome != CommitOutcome.STOCK_CHANGED
                ? Mono.just(outcome)
                : inventory.find(product).flatMap(item -> item.stock() >= reservation.quantity().value()
                        ? commitRetryingLostRaces(reservation)
                        : Mono.just(CommitOutcome.STOCK_CHANGED)));
    }

    private void stock(long units) {
        inventory.save(new InventoryItem(product, units, PRICE, "Contract product")).block();
    }

    private long stockLeft() {
        return inventory.find(product).block().stock();
    }

    private Reservation reserved(OrderId orderId, int quantity) {
        return new Reservation(orderId, product, new Quantity(quantity), new CustomerId("c-1"),
                new ReservationResult.Reserved(PRICE.times(new Quantity(quantity)), NOW));
    }

    private static OrderId order() {
        return new OrderId(UUID.randomUUID().toString());
    }
}
