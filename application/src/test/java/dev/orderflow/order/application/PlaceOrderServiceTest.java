package dev.orderflow.order.application;

import static dev.orderflow.testing.OrderFlowFixture.WIDGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderStatus;
import dev.orderflow.order.domain.RejectionReason;
import dev.orderflow.order.port.in.PlaceOrderCommand;
import dev.orderflow.order.port.in.PlaceOrderResult;
import dev.orderflow.order.port.in.PlaceOrderResult.Accepted;
import dev.orderflow.order.port.in.PlaceOrderResult.Decided;
import dev.orderflow.order.port.in.PlaceOrderResult.KeyReused;
import dev.orderflow.order.port.in.PlaceOrderResult.NotPlaced;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.IdempotencyKey;
import dev.orderflow.shared.Money;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import dev.orderflow.testing.FaultableStockReservations.Fault;
import dev.orderflow.testing.InMemoryOrderRepository;
import dev.orderflow.testing.OrderFlowFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

class PlaceOrderServiceTest {

    private final OrderFlowFixture flow = new OrderFlowFixture().withStock(WIDGET, 10);

    @Test
    void givenStock_whenPlacingAnOrder_thenItIsConfirmedStoredAndStockTaken() {
        Decided placed = decided(place(WIDGET, 3, null));

        assertThat(placed.replayed()).isFalse();
        assertThat(placed.order().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(placed.order().totalPrice()).isEqualTo(new Money(3 * 1999));
        assertThat(flow.orders.stored(placed.order().orderId())).isEqualTo(placed.order());
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(7);
    }

    @Test
    void givenTooLittleStock_whenPlacingAnOrder_thenItIsRejectedAndStockUntouched() {
        Order order = decided(place(WIDGET, 11, null)).order();

        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.rejectionReason()).isEqualTo(RejectionReason.INSUFFICIENT_STOCK);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(10);
    }

    @Test
    void givenAnUnknownProduct_whenPlacingAnOrder_thenItIsRejectedAsUnknown() {
        Order order = decided(place(new ProductId("nope"), 1, null)).order();

        assertThat(order.rejectionReason()).isEqualTo(RejectionReason.UNKNOWN_PRODUCT);
    }

    @Test
    void givenAnIdempotencyKey_whenTheSameRequestRepeats_thenTheSameOrderComesBackAndStockIsTakenOnce() {
        Decided first = decided(place(WIDGET, 2, "key-1"));
        Decided second = decided(place(WIDGET, 2, "key-1"));

        assertThat(second.replayed()).isTrue();
        assertThat(second.order()).isEqualTo(first.order());
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(8);
        assertThat(flow.orders.size()).isEqualTo(1);
    }

    @Test
    void givenAnIdempotencyKey_whenReusedForAnotherRequest_thenItIsRefusedAsAValueAndNothingChanges() {
        Order first = decided(place(WIDGET, 2, "key-1")).order();

        assertThat(place(WIDGET, 3, "key-1")).isEqualTo(new KeyReused(first.orderId()));
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(8);
        assertThat(flow.orders.size()).isEqualTo(1);
    }

    @Test
    void givenOneKey_whenTwentyRequestsRaceWithIt_thenOneOrderExistsAndStockIsTakenOnce() {
        List<PlaceOrderResult> placed = Flux.fromStream(IntStream.range(0, 20).boxed())
                .parallel(8).runOn(Schedulers.parallel())
                .flatMap(i -> flow.placeOrder.place(command(WIDGET, 4, "race")))
                .sequential().collectList().block();

        assertThat(placed).hasSize(20).allSatisfy(result -> assertThat(decided(result).order().status())
                .isEqualTo(OrderStatus.CONFIRMED));
        assertThat(placed.stream().map(result -> decided(result).order().orderId()).distinct()).hasSize(1);
        assertThat(placed.stream().filter(result -> !decided(result).replayed())).hasSize(1);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(6);
    }

    @Test
    void givenTheInventoryIsKnownDown_whenPlacingAnOrder_thenItIsNotPlacedAndNothingIsStored() {
        flow.reservations.fail(Fault.KNOWN_UNAVAILABLE);

        assertThat(place(WIDGET, 1, null))
                .isEqualTo(new NotPlaced(NotPlaced.Reason.INVENTORY_UNAVAILABLE, Duration.ofSeconds(7)));
        assertThat(flow.orders.size()).isZero();
        assertThat(flow.reservations.reserveCalls()).isZero();
    }

    @Test
    void givenTheInventoryFailsDuringTheCall_whenPlacingAnOrder_thenItIsAcceptedAndKeptPending() {
        flow.reservations.fail(Fault.UNAVAILABLE);

        Accepted accepted = accepted(place(WIDGET, 1, null));

        assertThat(accepted.order().isPending()).isTrue();
        assertThat(flow.orders.stored(accepted.order().orderId())).isEqualTo(accepted.order());
    }

    @Test
    void givenTheInventoryTimesOutAfterDeciding_whenPlacingAnOrder_thenItIsAcceptedForRecoveryToDecide() {
        flow.reservations.fail(Fault.TIMEOUT_AFTER_DECIDING);

        Accepted accepted = accepted(place(WIDGET, 1, null));

        assertThat(flow.orders.stored(accepted.order().orderId()).isPending()).isTrue();
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(9);
        flow.reservations.fail(Fault.NONE);
        assertThat(statusAfterRecovery(accepted)).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void givenAPendingOrderFromATimeout_whenTheClientRetriesWithTheSameKey_thenItIsDecidedWithoutReservingTwice() {
        flow.reservations.fail(Fault.TIMEOUT_AFTER_DECIDING);
        assertThat(place(WIDGET, 2, "retry-me")).isInstanceOf(Accepted.class);

        flow.reservations.fail(Fault.NONE);
        Decided retried = decided(place(WIDGET, 2, "retry-me"));

        assertThat(retried.replayed()).isTrue();
        assertThat(retried.order().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(8);
    }

    @Test
    void givenADecidedOrder_whenReplayedWhileTheInventoryIsKnownDown_thenTheStoredOutcomeIsStillAnswered() {
        Decided first = decided(place(WIDGET, 1, "k"));
        flow.reservations.fail(Fault.KNOWN_UNAVAILABLE);

        assertThat(place(WIDGET, 1, "k")).isEqualTo(new Decided(first.order(), true));
    }

    @Test
    void givenAPendingOrder_whenReplayedWhileTheInventoryIsKnownDown_thenItIsAcceptedNotRefused() {
        flow.reservations.fail(Fault.UNAVAILABLE);
        Order pending = accepted(place(WIDGET, 1, "k")).order();
        flow.reservations.fail(Fault.KNOWN_UNAVAILABLE);

        assertThat(place(WIDGET, 1, "k")).isEqualTo(new Accepted(pending, true));
    }

    @Test
    void givenTheOrderStoreRefuses_whenPlacingAnOrder_thenItIsNotPlacedAndNoStockMoves() {
        flow.orders.failNextCalls(InMemoryOrderRepository.Fault.REFUSE);

        assertThat(place(WIDGET, 1, "store-down")).isEqualTo(
                new NotPlaced(NotPlaced.Reason.STORE_UNAVAILABLE, InMemoryOrderRepository.RETRY_AFTER));
        assertThat(flow.orders.size()).isZero();
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(10);
        assertThat(flow.reservations.reserveCalls()).isZero();
    }

    @Test
    void givenTheCreatesAnswerIsLost_whenPlacingAnOrder_thenASecondCreateFindsItAndTheOrderIsConfirmedOnce() {
        flow.orders.failNextCalls(InMemoryOrderRepository.Fault.LOSE_ANSWER);

        Decided placed = decided(place(WIDGET, 1, null));

        assertThat(placed.replayed()).as("the client sent one request").isFalse();
        assertThat(placed.order().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(flow.orders.size()).isEqualTo(1);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(9);
    }

    @Test
    void givenTheCreateFailsBeforeWriting_whenPlacingAnOrder_thenASecondCreateStoresItAndItIsConfirmed() {
        flow.orders.failNextCalls(InMemoryOrderRepository.Fault.FAIL_BEFORE_WRITING);

        assertThat(decided(place(WIDGET, 1, null)).order().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(flow.orders.size()).isEqualTo(1);
    }

    @Test
    void givenTheStoreCannotTellTwiceAndNothingLanded_whenPlacingAnOrder_thenItIsAcceptedAndCreatedOnceTheStoreAnswers() {
        flow.orders.failNextCalls(InMemoryOrderRepository.Fault.FAIL_BEFORE_WRITING,
                InMemoryOrderRepository.Fault.FAIL_BEFORE_WRITING);

        Accepted accepted = accepted(place(WIDGET, 1, null));

        assertThat(flow.orders.stored(accepted.order().orderId()))
                .as("created in the background as soon as the store answers").isEqualTo(accepted.order());
        assertThat(statusAfterRecovery(accepted)).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void givenTheStoreStillFailsAfterTheAnswer_whenItAnswersAgain_thenTheBackgroundCreateIsCountedUntilItLands()
            throws InterruptedException {
        flow.orders.failNextCalls(InMemoryOrderRepository.Fault.FAIL_BEFORE_WRITING,
                InMemoryOrderRepository.Fault.FAIL_BEFORE_WRITING, InMemoryOrderRepository.Fault.FAIL_BEFORE_WRITING);

        Accepted accepted = accepted(place(WIDGET, 1, null));

        assertThat(flow.orders.stored(accepted.order().orderId())).as("its first background create failed").isNull();
        assertThat(flow.placeOrder.backgroundCreates()).isEqualTo(1);
        Instant deadline = Instant.now().plusSeconds(30);
        while (flow.placeOrder.backgroundCreates() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(flow.placeOrder.backgroundCreates()).as("the retry after its first pause landed").isZero();
        assertThat(flow.orders.stored(accepted.order().orderId())).isEqualTo(accepted.order());
        assertThat(flow.placeOrder.abandonedCreates()).isZero();
    }

    @Test
    void givenTheCreateLandedButTheStoreCannotTellAgain_whenPlacingAnOrder_thenItIsAcceptedNeverNotPlaced() {
        flow.orders.failNextCalls(InMemoryOrderRepository.Fault.LOSE_ANSWER, InMemoryOrderRepository.Fault.REFUSE);

        Accepted accepted = accepted(place(WIDGET, 1, null));

        assertThat(flow.orders.stored(accepted.order().orderId()).isPending()).isTrue();
        assertThat(flow.reservations.reserveCalls()).isZero();
        assertThat(statusAfterRecovery(accepted)).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void givenTheOutcomeIsRecordedNowhere_whenTheReservationCannotBeStored_thenItIsAcceptedAndRecoveryRecordsIt() {
        flow.orders.failNextCalls(InMemoryOrderRepository.Fault.NONE, InMemoryOrderRepository.Fault.FAIL_BEFORE_WRITING);

        Accepted accepted = accepted(place(WIDGET, 1, null));

        assertThat(flow.inventory.stockOf(WIDGET)).as("the inventory decided").isEqualTo(9);
        assertThat(flow.orders.stored(accepted.order().orderId()).isPending()).isTrue();
        assertThat(statusAfterRecovery(accepted)).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(9);
    }

    @Test
    void givenABugInTheInventory_whenPlacingAnOrder_thenItSurfacesAsWhatItIs() {
        flow.reservations.fail(Fault.BUG);

        assertThatThrownBy(() -> place(WIDGET, 1, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test bug");
    }

    /** Lets the order age past the minimum, runs the recovery step, and reads what it made of the order. */
    private OrderStatus statusAfterRecovery(Accepted accepted) {
        flow.clock.advance(OrderFlowFixture.POLICY.minimumAge().plusSeconds(1));
        flow.recovery.resolvePendingOrders().block();
        return flow.orders.stored(accepted.order().orderId()).status();
    }

    private PlaceOrderResult place(ProductId product, int quantity, String key) {
        return flow.placeOrder.place(command(product, quantity, key)).block();
    }

    private static Decided decided(PlaceOrderResult result) {
        assertThat(result).isInstanceOf(Decided.class);
        return (Decided) result;
    }

    private static Accepted accepted(PlaceOrderResult result) {
        assertThat(result).isInstanceOf(Accepted.class);
        return (Accepted) result;
    }

    private static PlaceOrderCommand command(ProductId product, int quantity, String key) {
        return new PlaceOrderCommand(product, new Quantity(quantity), new CustomerId("customer-1"),
                Optional.ofNullable(key).map(IdempotencyKey::new));
    }
}
