package dev.orderflow.inventory.application;

import static dev.orderflow.testing.OrderFlowFixture.WIDGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.inventory.ReservationConflictException;
import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.inventory.ReserveStockCommand;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.Money;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import dev.orderflow.testing.OrderFlowFixture;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

class ReserveStockServiceTest {

    private final OrderFlowFixture flow = new OrderFlowFixture().withStock(WIDGET, 5);

    @Test
    void givenStock_whenReserving_thenStockIsTakenAndTheTotalPriced() {
        ReservationResult result = flow.reserveStock.reserve(command("o-1", WIDGET, 2)).block();

        assertThat(result).isInstanceOfSatisfying(ReservationResult.Reserved.class,
                reserved -> assertThat(reserved.totalPrice()).isEqualTo(new Money(3998)));
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(3);
    }

    @Test
    void givenAReservedOrder_whenReservedAgain_thenTheFirstResultComesBackAndNothingMoreIsTaken() {
        ReservationResult first = flow.reserveStock.reserve(command("o-1", WIDGET, 2)).block();

        assertThat(flow.reserveStock.reserve(command("o-1", WIDGET, 2)).block()).isEqualTo(first);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(3);
    }

    @Test
    void givenARejectedOrder_whenStockArrivesAndItIsAskedAgain_thenTheRejectionStands() {
        ReservationResult first = flow.reserveStock.reserve(command("o-1", WIDGET, 9)).block();
        flow.withStock(WIDGET, 100);

        assertThat(first).isInstanceOf(ReservationResult.InsufficientStock.class);
        assertThat(flow.reserveStock.reserve(command("o-1", WIDGET, 9)).block()).isEqualTo(first);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(100);
    }

    @Test
    void givenAnUnknownProduct_whenReserving_thenTheAnswerIsUnknownProductAndItIsRecorded() {
        assertThat(flow.reserveStock.reserve(command("o-1", new ProductId("ghost"), 1)).block())
                .isInstanceOf(ReservationResult.UnknownProduct.class);
        assertThat(flow.reserveStock.find(new OrderId("o-1")).block())
                .isInstanceOf(ReservationResult.UnknownProduct.class);
    }

    @Test
    void givenAnOrderId_whenReusedForAnotherRequest_thenItIsRefusedAndNothingIsTaken() {
        flow.reserveStock.reserve(command("o-1", WIDGET, 1)).block();

        assertThatThrownBy(() -> flow.reserveStock.reserve(command("o-1", WIDGET, 2)).block())
                .isInstanceOf(ReservationConflictException.class);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(4);
    }

    @Test
    void givenAnUndecidedOrder_whenWithdrawn_thenALaterReservationTakesNothing() {
        ReservationResult withdrawal = flow.reserveStock.withdraw(command("o-1", WIDGET, 2)).block();

        assertThat(withdrawal).isInstanceOf(ReservationResult.Withdrawn.class);
        assertThat(flow.reserveStock.reserve(command("o-1", WIDGET, 2)).block()).isEqualTo(withdrawal);
        assertThat(flow.reserveStock.find(new OrderId("o-1")).block()).isEqualTo(withdrawal);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(5);
    }

    @Test
    void givenAReservedOrder_whenWithdrawn_thenTheReservationStands() {
        ReservationResult reserved = flow.reserveStock.reserve(command("o-1", WIDGET, 2)).block();

        assertThat(flow.reserveStock.withdraw(command("o-1", WIDGET, 2)).block()).isEqualTo(reserved);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(3);
    }

    @Test
    void givenNoDecision_whenFinding_thenItIsEmpty() {
        assertThat(flow.reserveStock.find(new OrderId("never")).block()).isNull();
    }

    @Test
    void givenManyConcurrentOrders_whenReserving_thenStockNeverGoesBelowZeroAndEveryUnitIsAccountedFor() {
        flow.withStock(WIDGET, 50);

        List<ReservationResult> results = Flux.fromStream(IntStream.range(0, 200).boxed())
                .parallel(8).runOn(Schedulers.parallel())
                .flatMap(i -> flow.reserveStock.reserve(command("order-" + i, WIDGET, 1)))
                .sequential().collectList().block();

        long reserved = results.stream().filter(ReservationResult.Reserved.class::isInstance).count();
        assertThat(reserved).isEqualTo(50);
        assertThat(flow.inventory.stockOf(WIDGET)).isZero();
        assertThat(results).hasSize(200);
    }

    private static ReserveStockCommand command(String orderId, ProductId product, int quantity) {
        return new ReserveStockCommand(new OrderId(orderId), product, new Quantity(quantity), new CustomerId("c-1"));
    }
}
