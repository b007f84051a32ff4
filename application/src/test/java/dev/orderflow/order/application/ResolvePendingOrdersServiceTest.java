package dev.orderflow.order.application;

import static dev.orderflow.testing.OrderFlowFixture.WIDGET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.inventory.ReserveStockCommand;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderStatus;
import dev.orderflow.order.domain.RejectionReason;
import dev.orderflow.order.port.in.PlaceOrderCommand;
import dev.orderflow.order.port.in.PlaceOrderResult;
import dev.orderflow.order.port.in.ResolvePendingOrdersUseCase.RecoveryReport;
import dev.orderflow.order.port.out.ReservationsUnavailableException;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.Quantity;
import dev.orderflow.testing.FaultableStockReservations.Fault;
import dev.orderflow.testing.OrderFlowFixture;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolvePendingOrdersServiceTest {

    private final OrderFlowFixture flow = new OrderFlowFixture().withStock(WIDGET, 10);

    @Test
    void givenAnOrderTheInventoryDecidedOn_whenRecovering_thenItTakesThatDecisionWithoutReservingAgain() {
        OrderId pending = timedOut(Fault.TIMEOUT_AFTER_DECIDING, 3);
        flow.clock.advance(Duration.ofSeconds(11));

        RecoveryReport report = flow.recovery.resolvePendingOrders().block();

        assertThat(report).isEqualTo(new RecoveryReport(1, 0, 0, Duration.ofSeconds(11), List.of()));
        assertThat(flow.orders.find(pending).block().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(7);
        assertThat(flow.inventory.reservationCount()).isEqualTo(1);
    }

    @Test
    void givenAnOrderTheInventoryNeverSaw_whenRecovering_thenItReservesNow() {
        OrderId pending = timedOut(Fault.TIMEOUT_BEFORE_DECIDING, 2);
        flow.clock.advance(Duration.ofSeconds(11));

        flow.recovery.resolvePendingOrders().block();

        assertThat(flow.orders.find(pending).block().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(8);
    }

    @Test
    void givenAYoungPendingOrder_whenRecovering_thenItIsLeftToTheRequestStillInFlight() {
        OrderId pending = timedOut(Fault.TIMEOUT_BEFORE_DECIDING, 2);
        flow.clock.advance(Duration.ofSeconds(5));

        assertThat(flow.recovery.resolvePendingOrders().block().resolved()).isZero();
        assertThat(flow.orders.find(pending).block().isPending()).isTrue();
    }

    @Test
    void givenAnOrderPendingTooLongThatTheInventoryNeverSaw_whenRecovering_thenItIsRejectedAsExpired() {
        OrderId pending = timedOut(Fault.TIMEOUT_BEFORE_DECIDING, 2);
        flow.clock.advance(Duration.ofMinutes(16));

        RecoveryReport report = flow.recovery.resolvePendingOrders().block();

        Order order = flow.orders.find(pending).block();
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(order.rejectionReason()).isEqualTo(RejectionReason.EXPIRED);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(10);
    }

    /**
     * The race the withdrawal closes: a retry of the order that had found it still pending reserves only after
     * recovery gave the order up. The inventory's ledger has the withdrawal, so the late reservation takes nothing.
     */
    @Test
    void givenAnExpiredOrderWithdrawnByRecovery_whenALateRetryReservesIt_thenNoStockIsTaken() {
        OrderId pending = timedOut(Fault.TIMEOUT_BEFORE_DECIDING, 2);
        flow.clock.advance(Duration.ofMinutes(16));
        flow.recovery.resolvePendingOrders().block();
        Order expired = flow.orders.find(pending).block();

        ReservationResult late = flow.reservations.reserve(new ReserveStockCommand(expired.orderId(),
                expired.productId(), expired.quantity(), expired.customerId())).block();

        assertThat(late).isInstanceOf(ReservationResult.Withdrawn.class);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(10);
        assertThat(flow.orders.find(pending).block().rejectionReason()).isEqualTo(RejectionReason.EXPIRED);
    }

    @Test
    void givenAnOrderPendingTooLongThatTheInventoryDecidedOn_whenRecovering_thenTheDecisionStillWins() {
        OrderId pending = timedOut(Fault.TIMEOUT_AFTER_DECIDING, 2);
        flow.clock.advance(Duration.ofMinutes(16));

        flow.recovery.resolvePendingOrders().block();

        assertThat(flow.orders.find(pending).block().status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void givenTheInventoryIsStillDown_whenRecovering_thenOrdersStayPendingForTheNextRun() {
        OrderId pending = timedOut(Fault.TIMEOUT_BEFORE_DECIDING, 2);
        flow.clock.advance(Duration.ofSeconds(11));
        flow.reservations.fail(Fault.UNAVAILABLE);

        RecoveryReport report = flow.recovery.resolvePendingOrders().block();

        assertThat(report.stillPending()).isEqualTo(1);
        assertThat(report.resolved()).isZero();
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.orderId()).isEqualTo(pending);
            assertThat(failure.error()).isInstanceOf(ReservationsUnavailableException.class);
        });
        assertThat(flow.orders.find(pending).block().isPending()).isTrue();

        flow.reservations.fail(Fault.NONE);
        assertThat(flow.recovery.resolvePendingOrders().block().confirmed()).isEqualTo(1);
    }

    @Test
    void givenTheInventoryIsKnownDown_whenRecovering_thenNoCallIsMadeAndPendingOrdersAreCounted() {
        timedOut(Fault.TIMEOUT_BEFORE_DECIDING, 2);
        int callsBefore = flow.reservations.reserveCalls();
        flow.clock.advance(Duration.ofSeconds(11));
        flow.reservations.fail(Fault.KNOWN_UNAVAILABLE);

        assertThat(flow.recovery.resolvePendingOrders().block())
                .isEqualTo(new RecoveryReport(0, 0, 1, Duration.ofSeconds(11), List.of()));
        assertThat(flow.reservations.reserveCalls()).isEqualTo(callsBefore);
    }

    private OrderId timedOut(Fault fault, int quantity) {
        flow.reservations.fail(fault);
        PlaceOrderResult result = flow.placeOrder.place(new PlaceOrderCommand(WIDGET, new Quantity(quantity),
                new CustomerId("c-1"), Optional.empty())).block();
        flow.reservations.fail(Fault.NONE);
        assertThat(result).isInstanceOf(PlaceOrderResult.Accepted.class);
        return ((PlaceOrderResult.Accepted) result).order().orderId();
    }
}
