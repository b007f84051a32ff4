package dev.orderflow.order.adapter.out.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.inventory.ReservationConflictException;
import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.inventory.ReserveStockCommand;
import dev.orderflow.inventory.ReserveStockUseCase;
import dev.orderflow.order.port.out.ReservationsUnavailableException;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.Quantity;
import dev.orderflow.testing.OrderFlowFixture;
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
    void givenTheStoreFails_whenReserving_thenTheInventoryIsReportedUnavailable() {
        ReserveStockUseCase down = new ReserveStockUseCase() {
            @Override
            public Mono<ReservationResult> reserve(ReserveStockCommand command) {
                return Mono.error(new IllegalStateException("DynamoDB is down"));
            }

            @Override
            public Mono<ReservationResult> withdraw(ReserveStockCommand command) {
                return reserve(command);
            }
        };
        InProcessStockReservations failing = new InProcessStockReservations(down,
                orderId -> Mono.error(new IllegalStateException("DynamoDB is down")));

        assertThatThrownBy(() -> failing.reserve(command(1)).block())
                .isInstanceOf(ReservationsUnavailableException.class);
        assertThatThrownBy(() -> failing.withdraw(command(1)).block())
                .isInstanceOf(ReservationsUnavailableException.class);
        assertThatThrownBy(() -> failing.find(new OrderId("o-1")).block())
                .isInstanceOf(ReservationsUnavailableException.class);
    }

    private static ReserveStockCommand command(int quantity) {
        return new ReserveStockCommand(new OrderId("o-1"), OrderFlowFixture.WIDGET, new Quantity(quantity),
                new CustomerId("c-1"));
    }
}
