package dev.orderflow.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.Money;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final Instant CREATED = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant DECIDED = CREATED.plusMillis(20);

    private final Order pending = Order.pending(new OrderId("o-1"), new ProductId("p-1"), new Quantity(2),
            new CustomerId("c-1"), CREATED, null);

    @Test
    void givenAPendingOrder_whenTheStockIsReserved_thenItIsConfirmedWithThePrice() {
        Order confirmed = pending.resolvedBy(new ReservationResult.Reserved(new Money(3998), DECIDED));

        assertThat(confirmed.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(confirmed.totalPrice()).isEqualTo(new Money(3998));
        assertThat(confirmed.processedAt()).isEqualTo(DECIDED);
        assertThat(confirmed.createdAt()).isEqualTo(CREATED);
    }

    @Test
    void givenAPendingOrder_whenStockIsInsufficient_thenItIsRejectedWithThatReason() {
        Order rejected = pending.resolvedBy(new ReservationResult.InsufficientStock(DECIDED));

        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo(RejectionReason.INSUFFICIENT_STOCK);
        assertThat(rejected.totalPrice()).isNull();
    }

    @Test
    void givenAPendingOrder_whenTheProductIsUnknown_thenItIsRejectedWithThatReason() {
        assertThat(pending.resolvedBy(new ReservationResult.UnknownProduct(DECIDED)).rejectionReason())
                .isEqualTo(RejectionReason.UNKNOWN_PRODUCT);
    }

    @Test
    void givenAResolvedOrder_whenResolvedAgain_thenItRefuses() {
        Order confirmed = pending.resolvedBy(new ReservationResult.Reserved(new Money(1), DECIDED));

        assertThatIllegalStateException()
                .isThrownBy(() -> confirmed.resolvedBy(new ReservationResult.InsufficientStock(DECIDED)));
        assertThatIllegalStateException().isThrownBy(() -> confirmed.resolvedBy(new ReservationResult.Withdrawn(DECIDED)));
    }

    @Test
    void givenAnInconsistentState_whenBuildingAnOrder_thenItIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Order(new OrderId("o"), new ProductId("p"),
                new Quantity(1), new CustomerId("c"), OrderStatus.CONFIRMED, null, null, null, CREATED, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Order(new OrderId("o"), new ProductId("p"),
                new Quantity(1), new CustomerId("c"), OrderStatus.PENDING, new Money(1), null, null, CREATED, null));
    }

    @Test
    void givenTwoRequests_whenComparing_thenOnlyProductQuantityAndCustomerCount() {
        Order same = Order.pending(new OrderId("other"), new ProductId("p-1"), new Quantity(2),
                new CustomerId("c-1"), CREATED.plusSeconds(5), "hash");
        Order otherQuantity = Order.pending(new OrderId("o-1"), new ProductId("p-1"), new Quantity(3),
                new CustomerId("c-1"), CREATED, null);

        assertThat(pending.sameRequestAs(same)).isTrue();
        assertThat(pending.sameRequestAs(otherQuantity)).isFalse();
    }
}
