package dev.orderflow.order.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.order.domain.Order;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.Money;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OrderRepository} must do, run against each implementation (the in-memory fake and DynamoDB),
 * so the fake the use-case tests rely on behaves like the real store.
 */
public abstract class OrderRepositoryContract {

    private final Instant base = Instant.parse("2026-11-23T10:00:00.123456789Z");
    private OrderRepository orders;

    /** A repository over an empty store, new for each test. */
    protected abstract OrderRepository repository();

    @BeforeEach
    void setUp() {
        orders = repository();
    }

    @Test
    void givenANewOrder_whenCreated_thenItCanBeFoundExactlyAsStored() {
        Order order = pending(base);

        assertThat(orders.create(order).block()).isTrue();
        assertThat(orders.find(order.orderId()).block()).isEqualTo(order);
    }

    @Test
    void givenAnExistingOrder_whenCreatedAgain_thenNothingChanges() {
        Order order = pending(base);
        orders.create(order).block();
        Order sameId = Order.pending(order.orderId(), new ProductId("other"), new Quantity(9),
                new CustomerId("other"), base.plusSeconds(1), null);

        assertThat(orders.create(sameId).block()).isFalse();
        assertThat(orders.find(order.orderId()).block()).isEqualTo(order);
    }

    @Test
    void givenNoOrder_whenFound_thenEmpty() {
        assertThat(orders.find(new OrderId(UUID.randomUUID().toString())).block()).isNull();
    }

    @Test
    void givenAPendingOrder_whenResolved_thenTheOutcomeIsStored() {
        Order order = pending(base);
        orders.create(order).block();
        Order confirmed = order.resolvedBy(new ReservationResult.Reserved(new Money(123), base.plusMillis(5)));

        assertThat(orders.resolve(confirmed).block()).isEqualTo(confirmed);
        assertThat(orders.find(order.orderId()).block()).isEqualTo(confirmed);
    }

    @Test
    void givenAResolvedOrder_whenResolvedAgainDifferently_thenTheFirstOutcomeStaysAndIsReturned() {
        Order order = pending(base);
        orders.create(order).block();
        Order confirmed = order.resolvedBy(new ReservationResult.Reserved(new Money(123), base.plusMillis(5)));
        Order rejected = order.resolvedBy(new ReservationResult.InsufficientStock(base.plusMillis(6)));
        orders.resolve(confirmed).block();

        assertThat(orders.resolve(rejected).block()).isEqualTo(confirmed);
        assertThat(orders.find(order.orderId()).block()).isEqualTo(confirmed);
    }

    @Test
    void givenNoOrder_whenResolved_thenItFailsAndStoresNothing() {
        Order neverStored = pending(base);
        Order confirmed = neverStored.resolvedBy(new ReservationResult.Reserved(new Money(123), base.plusMillis(5)));

        assertThatThrownBy(() -> orders.resolve(confirmed).block()).isInstanceOf(IllegalStateException.class);
        assertThat(orders.find(neverStored.orderId()).block()).isNull();
    }

    @Test
    void givenPendingAndResolvedOrders_whenQueryingPending_thenOnlyOlderPendingOnesComeOldestFirst() {
        Order oldest = pending(base);
        Order older = pending(base.plusSeconds(1));
        Order resolved = pending(base.plusSeconds(2));
        Order atCutoff = pending(base.plusSeconds(10));
        Order young = pending(base.plusSeconds(30));
        for (Order order : List.of(young, atCutoff, resolved, older, oldest)) {
            orders.create(order).block();
        }
        orders.resolve(resolved.resolvedBy(new ReservationResult.UnknownProduct(base.plusSeconds(3)))).block();

        List<Order> pending = orders.findPending(base.plusSeconds(10), 10).collectList().block();

        assertThat(pending).containsExactly(oldest, older);
    }

    @Test
    void givenManyPendingOrders_whenQueryingWithALimit_thenAtMostThatManyComeBack() {
        for (int i = 0; i < 5; i++) {
            orders.create(pending(base.plusMillis(i))).block();
        }

        assertThat(orders.findPending(base.plusSeconds(1), 3).collectList().block()).hasSize(3);
    }

    private static Order pending(Instant createdAt) {
        return Order.pending(new OrderId(UUID.randomUUID().toString()), new ProductId("p-1"), new Quantity(2),
                new CustomerId("c-1"), createdAt, "hash");
    }
}
