package dev.orderflow.order.adapter.out.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.inventory.ReservationConflictException;
import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.inventory.ReserveStockCommand;
import dev.orderflow.inventory.ReserveStockUseCase;
import dev.orderflow.order.port.out.ReservationOutcomeUnknownException;
import dev.orderflow.order.port.out.ReservationsUnavailableException;
import dev.orderflow.platform.store.StoreOutcomeUnknownException;
import dev.orderflow.platform.store.StoreUnavailableException;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.Quantity;
import dev.orderflow.testing.OrderFlowFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class InProcessStockReservationsTest {

    private final OrderFlowFixture flow = new OrderFlowFixture().withStock(OrderFlowFixture.WIDGET, 5);
    private final InProcessStockReservations reservations =
            new InProcessStockReservations(flow.reserveStock, flow.reserveStock);

    @Test
    void givenTheInventoryModule_whenReservingAndFinding_thenItsUseCasesAnswerDirectly() {
        ReservationResult result = reservations.reserve(command(2)).block();

        assertThat(result).isInstanceOf(ReservationResult.Reserved.class);
        assertThat(reservations.find(new OrderId("o-1")).block()).isEqualTo(result);
        assertThat(flow.inventory.stockOf(OrderFlowFixture.WIDGET)).isEqualTo(3);
        assertThat(reservations.knownUnavailableFor()).isEmpty();
    }

    @Test
    void givenAnOrderIdReused_whenReserving_thenTheConflictPassesThrough() {
        reservations.reserve(command(1)).block();

        assertThatThrownBy(() -> reservations.reserve(command(2)).block())
                .isInstanceOf(ReservationConflictException.class);
    }

    @Test
    void givenTheStoreRefuses_whenReserving_thenTheInventoryIsReportedUnavailable() {
        InProcessStockReservations failing = failingWith(new StoreUnavailableException("down", Duration.ofSeconds(2)));

        assertThatThrownBy(() -> failing.reserve(command(1)).block())
                .isInstanceOfSatisfying(ReservationsUnavailableException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2)));
        assertThatThrownBy(() -> failing.withdraw(command(1)).block())
                .isInstanceOf(ReservationsUnavailableException.class);
        assertThatThrownBy(() -> failing.find(new OrderId("o-1")).block())
                .isInstanceOf(ReservationsUnavailableException.class);
    }

    @Test
    void givenTheStoreFailsWithAnUnknownEffect_whenReserving_thenTheOutcomeIsReportedUnknown() {
        InProcessStockReservations failing = failingWith(new StoreOutcomeUnknownException("timed out", null));

        assertThatThrownBy(() -> failing.reserve(command(1)).block())
                .isInstanceOf(ReservationOutcomeUnknownException.class);
    }

    @Test
    void givenABug_whenReserving_thenItPassesThroughAsWhatItIs() {
        InProcessStockReservations failing = failingWith(new IllegalStateException("a bug"));

        assertThatThrownBy(() -> failing.reserve(command(1)).block())
                .isInstanceOf(IllegalStateException.class).hasMessage("a bug");
    }

    private static InProcessStockReservations failingWith(RuntimeException failure) {
        ReserveStockUseCase down = new ReserveStockUseCase() {
            @Override
            public Mono<ReservationResult> reserve(ReserveStockCommand command) {
                return Mono.error(failure);
            }

            @Override
            public Mono<ReservationResult> withdraw(ReserveStockCommand command) {
                return reserve(command);
            }
        };
        return new InProcessStockReservations(down, orderId -> Mono.error(failure));
    }

    private static ReserveStockCommand command(int quantity) {
        return new ReserveStockCommand(new OrderId("o-1"), OrderFlowFixture.WIDGET, new Quantity(quantity),
                new CustomerId("c-1"));
    }
}
