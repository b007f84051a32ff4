package dev.orderflow.order.port.out;

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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StockReservations} must do, whether it reaches the inventory in-process (monolith mode) or over
 * HTTP (split mode): the order module relies on exactly this, however the inventory is reached.
 */
public abstract class StockReservationsContract {

    /** The unit price every product of these tests is stocked at. */
    protected static final Money UNIT_PRICE = new Money(250);

    private StockReservations reservations;
    private ProductId product;

    /** The adapter under test, over an inventory of its own (or shared: every test uses fresh ids). */
    protected abstract StockReservations reservations();

    /** Puts a product in stock at {@link #UNIT_PRICE}, by the inventory's own means. */
    protected abstract void stock(ProductId product, long units);

    /** The stock the inventory holds now. */
    protected abstract long stockOf(ProductId product);

    @BeforeEach
    void setUp() {
        reservations = reservations();
        product = new ProductId("contract-" + UUID.randomUUID());
        stock(product, 5);
    }

    @Test
    void givenStock_whenReserving_thenItIsReservedAtItsPriceAndTheDecisionCanBeFound() {
        ReserveStockCommand order = order(product, 2);

        ReservationResult result = reservations.reserve(order).block();

        assertThat(result).isInstanceOfSatisfying(ReservationResult.Reserved.class,
                reserved -> assertThat(reserved.totalPrice()).isEqualTo(new Money(500)));
        assertThat(reservations.find(order.orderId()).block()).isEqualTo(result);
        assertThat(stockOf(product)).isEqualTo(3);
    }

    @Test
    void givenTooLittleStock_whenReserving_thenItIsRejectedAsAValueAndNothingIsTaken() {
        assertThat(reservations.reserve(order(product, 6)).block())
                .isInstanceOf(ReservationResult.InsufficientStock.class);
        assertThat(stockOf(product)).isEqualTo(5);
    }

    @Test
    void givenAnUnknownProduct_whenReserving_thenItIsRejectedAsUnknown() {
        assertThat(reservations.reserve(order(new ProductId("missing-" + UUID.randomUUID()), 1)).block())
                .isInstanceOf(ReservationResult.UnknownProduct.class);
    }

    @Test
    void givenAReservation_whenTheSameOrderIsReservedAgain_thenTheFirstDecisionComesBackAndStockMovesOnce() {
        ReserveStockCommand order = order(product, 2);
        ReservationResult first = reservations.reserve(order).block();

        assertThat(reservations.reserve(order).block()).isEqualTo(first);
        assertThat(stockOf(product)).isEqualTo(3);
    }

    @Test
    void givenAnOrderId_whenReusedForAnotherOrder_thenTheConflictIsReportedAndNothingMoves() {
        ReserveStockCommand order = order(product, 2);
        reservations.reserve(order).block();

        assertThatThrownBy(() -> reservations.reserve(new ReserveStockCommand(order.orderId(), product,
                new Quantity(3), order.customerId())).block()).isInstanceOf(ReservationConflictException.class);
        assertThat(stockOf(product)).isEqualTo(3);
    }

    @Test
    void givenAnOrderNeverSeen_whenFindingItsDecision_thenThereIsNone() {
        assertThat(reservations.find(new OrderId(UUID.randomUUID().toString())).block()).isNull();
    }

    @Test
    void givenAnUndecidedOrder_whenWithdrawn_thenItIsNeverReservedLater() {
        ReserveStockCommand order = order(product, 1);

        assertThat(reservations.withdraw(order).block()).isInstanceOf(ReservationResult.Withdrawn.class);
        assertThat(reservations.reserve(order).block()).isInstanceOf(ReservationResult.Withdrawn.class);
        assertThat(stockOf(product)).isEqualTo(5);
    }

    @Test
    void givenADecidedOrder_whenWithdrawn_thenTheDecisionThatStandsComesBack() {
        ReserveStockCommand order = order(product, 1);
        ReservationResult reserved = reservations.reserve(order).block();

        assertThat(reservations.withdraw(order).block()).isEqualTo(reserved);
        assertThat(stockOf(product)).isEqualTo(4);
    }

    @Test
    void givenAHealthyInventory_whenAskedWhetherItIsKnownDown_thenItIsNot() {
        assertThat(reservations.knownUnavailableFor()).isEmpty();
    }

    private static ReserveStockCommand order(ProductId product, int quantity) {
        return new ReserveStockCommand(new OrderId(UUID.randomUUID().toString()), product, new Quantity(quantity),
                new CustomerId("contract-customer"));
    }
}
