package dev.orderflow.order.wiring;

import static dev.orderflow.testing.OrderFlowFixture.WIDGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.order.port.in.PlaceOrderCommand;
import dev.orderflow.order.port.in.PlaceOrderResult;
import dev.orderflow.order.port.in.ResolvePendingOrdersUseCase;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.Quantity;
import dev.orderflow.testing.FaultableStockReservations.Fault;
import dev.orderflow.testing.OrderFlowFixture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The recovery runs as the gateway schedules them, on the real use cases over in-memory stores. */
class RecoverySchedulerTest {

    private final OrderFlowFixture flow = new OrderFlowFixture().withStock(WIDGET, 10);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void givenAnOrderLeftPending_whenARunResolvesIt_thenTheRunAndTheRecoveredOrderAreCounted() {
        pendingOrder(Fault.TIMEOUT_AFTER_DECIDING);
        flow.clock.advance(Duration.ofSeconds(11));
        RecoveryScheduler scheduler = new RecoveryScheduler(flow.recovery, Duration.ofHours(1), meters);

        scheduler.runOnce().block();

        assertThat(count("orderflow.recovery.runs", "completed")).isEqualTo(1);
        assertThat(count("orderflow.orders", "recovered_confirmed")).isEqualTo(1);
        assertThat(meters.get("orderflow.recovery.pending").gauge().value()).isZero();
    }

    @Test
    void givenTheInventoryStillDown_whenARunCannotResolve_thenThePendingOrderAndItsAgeArePublished() {
        pendingOrder(Fault.TIMEOUT_BEFORE_DECIDING);
        flow.clock.advance(Duration.ofSeconds(42));
        flow.reservations.fail(Fault.UNAVAILABLE);
        RecoveryScheduler scheduler = new RecoveryScheduler(flow.recovery, Duration.ofHours(1), meters);

        scheduler.runOnce().block();

        assertThat(count("orderflow.recovery.runs", "completed")).isEqualTo(1);
        assertThat(meters.get("orderflow.recovery.pending").gauge().value()).isEqualTo(1);
        assertThat(meters.get("orderflow.recovery.oldest.pending.age").timeGauge().value(TimeUnit.SECONDS))
                .isEqualTo(42);
    }

    @Test
    void givenARunThatFails_whenScheduled_thenItIsCountedAndTheNextRunStillHappens() {
        ResolvePendingOrdersUseCase failing = () -> Mono.error(new IllegalStateException("order store down"));
        RecoveryScheduler scheduler = new RecoveryScheduler(failing, Duration.ofMillis(20), meters);

        scheduler.start();
        try {
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> count("orderflow.recovery.runs", "failed") >= 2);
            assertThat(scheduler.isRunning()).isTrue();
        } finally {
            scheduler.stop();
        }
        assertThat(scheduler.isRunning()).isFalse();
    }

    private void pendingOrder(Fault fault) {
        flow.reservations.fail(fault);
        PlaceOrderResult result = flow.placeOrder.place(new PlaceOrderCommand(WIDGET, new Quantity(1),
                new CustomerId("c-1"), Optional.empty())).block();
        assertThat(result).isInstanceOf(PlaceOrderResult.Accepted.class);
        flow.reservations.fail(Fault.NONE);
    }

    private double count(String meter, String outcome) {
        return meters.get(meter).tag("outcome", outcome).counter().count();
    }
}
