package dev.orderflow.order.application;

import static dev.orderflow.testing.OrderFlowFixture.WIDGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderStatus;
import dev.orderflow.order.domain.RejectionReason;
import dev.orderflow.order.port.in.IdempotencyKeyReusedException;
import dev.orderflow.order.port.in.InventoryTimeoutException;
import dev.orderflow.order.port.in.InventoryUnavailableException;
import dev.orderflow.order.port.in.OrderStorageFailedException;
import dev.orderflow.order.port.in.PlaceOrderCommand;
import dev.orderflow.order.port.in.PlacedOrder;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.IdempotencyKey;
import dev.orderflow.shared.Money;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import dev.orderflow.testing.FaultableStockReservations.Fault;
import dev.orderflow.testing.OrderFlowFixture;
import java.time.Duration;
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
        PlacedOrder placed = flow.placeOrder.place(command(WIDGET, 3, null)).block();

        assertThat(placed.replayed()).isFalse();
        assertThat(placed.order().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(placed.order().totalPrice()).isEqualTo(new Money(3 * 1999));
        assertThat(flow.orders.find(placed.order().orderId()).block()).isEqualTo(placed.order());
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(7);
    }

    @Test
    void givenTooLittleStock_whenPlacingAnOrder_thenItIsRejectedAndStockUntouched() {
        Order order = flow.placeOrder.place(command(WIDGET, 11, null)).block().order();

        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.rejectionReason()).isEqualTo(RejectionReason.INSUFFICIENT_STOCK);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(10);
    }

    @Test
    void givenAnUnknownProduct_whenPlacingAnOrder_thenItIsRejectedAsUnknown() {
        Order order = flow.placeOrder.place(command(new ProductId("nope"), 1, null)).block().order();

        assertThat(order.rejectionReason()).isEqualTo(RejectionReason.UNKNOWN_PRODUCT);
    }

    @Test
    void givenAnIdempotencyKey_whenTheSameRequestRepeats_thenTheSameOrderComesBackAndStockIsTakenOnce() {
        PlacedOrder first = flow.placeOrder.place(command(WIDGET, 2, "key-1")).block();
        PlacedOrder second = flow.placeOrder.place(command(WIDGET, 2, "key-1")).block();

        assertThat(second.replayed()).isTrue();
        assertThat(second.order()).isEqualTo(first.order());
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(8);
        assertThat(flow.orders.size()).isEqualTo(1);
    }

    @Test
    void givenAnIdempotencyKey_whenReusedForAnotherRequest_thenItIsRefusedAndNothingChanges() {
        flow.placeOrder.place(command(WIDGET, 2, "key-1")).block();

        assertThatThrownBy(() -> flow.placeOrder.place(command(WIDGET, 3, "key-1")).block())
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(8);
        assertThat(flow.orders.size()).isEqualTo(1);
    }

    @Test
    void givenOneKey_whenTwentyRequestsRaceWithIt_thenOneOrderExistsAndStockIsTakenOnce() {
        List<PlacedOrder> placed = Flux.fromStream(IntStream.range(0, 20).boxed())
                .parallel(8).runOn(Schedulers.parallel())
                .flatMap(i -> flow.placeOrder.place(command(WIDGET, 4, "race")))
                .sequential().collectList().block();

        assertThat(placed).hasSize(20)
                .allSatisfy(p -> assertThat(p.order().status()).isEqualTo(OrderStatus.CONFIRMED));
        assertThat(placed.stream().map(p -> p.order().orderId()).distinct()).hasSize(1);
        assertThat(placed.stream().filter(p -> !p.replayed())).hasSize(1);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(6);
    }

    @Test
    void givenTheInventoryIsKnownDown_whenPlacingAnOrder_thenItFailsAtOnceWithNothingStored() {
        flow.reservations.fail(Fault.KNOWN_UNAVAILABLE);

        assertThatThrownBy(() -> flow.placeOrder.place(command(WIDGET, 1, null)).block())
                .isInstanceOfSatisfying(InventoryUnavailableException.class, e -> {
                    assertThat(e.pendingOrder()).isEmpty();
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });
        assertThat(flow.orders.size()).isZero();
        assertThat(flow.reservations.reserveCalls()).isZero();
    }

    @Test
    void givenTheInventoryFailsDuringTheCall_whenPlacingAnOrder_thenTheOrderIsKeptPending() {
        flow.reservations.fail(Fault.UNAVAILABLE);

        assertThatThrownBy(() -> flow.placeOrder.place(command(WIDGET, 1, null)).block())
                .isInstanceOfSatisfying(InventoryUnavailableException.class, e -> {
                    assertThat(e.pendingOrder()).isPresent();
                    assertThat(flow.orders.find(e.pendingOrder().get()).block().isPending()).isTrue();
                });
    }

    @Test
    void givenTheInventoryTimesOutAfterDeciding_whenPlacingAnOrder_thenThePendingOrderIsReportedForRecovery() {
        flow.reservations.fail(Fault.TIMEOUT_AFTER_DECIDING);

        assertThatThrownBy(() -> flow.placeOrder.place(command(WIDGET, 1, null)).block())
                .isInstanceOfSatisfying(InventoryTimeoutException.class,
                        e -> assertThat(flow.orders.find(e.pendingOrder()).block().isPending()).isTrue());
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(9);
    }

    @Test
    void givenAPendingOrderFromATimeout_whenTheClientRetriesWithTheSameKey_thenItIsResolvedWithoutReservingTwice() {
        flow.reservations.fail(Fault.TIMEOUT_AFTER_DECIDING);
        assertThatThrownBy(() -> flow.placeOrder.place(command(WIDGET, 2, "retry-me")).block())
                .isInstanceOf(InventoryTimeoutException.class);

        flow.reservations.fail(Fault.NONE);
        PlacedOrder retried = flow.placeOrder.place(command(WIDGET, 2, "retry-me")).block();

        assertThat(retried.replayed()).isTrue();
        assertThat(retried.order().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(8);
    }

    @Test
    void givenAConfirmedOrder_whenReplayedWhileTheInventoryIsDown_thenTheStoredOutcomeIsStillAnswered() {
        PlacedOrder first = flow.placeOrder.place(command(WIDGET, 1, "k")).block();
        flow.reservations.fail(Fault.KNOWN_UNAVAILABLE);

        assertThat(flow.placeOrder.place(command(WIDGET, 1, "k")).block().order()).isEqualTo(first.order());
    }

    @Test
    void givenTheOrderStoreFails_whenPlacingAnOrder_thenTheFailureNamesTheOrderAndNoStockMoves() {
        flow.orders.down(true);

        assertThatThrownBy(() -> flow.placeOrder.place(command(WIDGET, 1, "store-down")).block())
                .isInstanceOfSatisfying(OrderStorageFailedException.class, e -> assertThat(e.orderId())
                        .isEqualTo(OrderId.forIdempotencyKey(new IdempotencyKey("store-down"))));
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(10);
        assertThat(flow.reservations.reserveCalls()).isZero();
    }

    private static PlaceOrderCommand command(ProductId product, int quantity, String key) {
        return new PlaceOrderCommand(product, new Quantity(quantity), new CustomerId("customer-1"),
                Optional.ofNullable(key).map(IdempotencyKey::new));
    }
}
