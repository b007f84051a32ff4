package dev.orderflow.order.application;

import dev.orderflow.inventory.ReserveStockCommand;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.port.in.IdempotencyKeyReusedException;
import dev.orderflow.order.port.in.InventoryTimeoutException;
import dev.orderflow.order.port.in.InventoryUnavailableException;
import dev.orderflow.order.port.in.OrderStorageFailedException;
import dev.orderflow.order.port.in.PlaceOrderCommand;
import dev.orderflow.order.port.in.PlaceOrderUseCase;
import dev.orderflow.order.port.in.PlacedOrder;
import dev.orderflow.order.port.out.OrderRepository;
import dev.orderflow.order.port.out.ReservationsTimeoutException;
import dev.orderflow.order.port.out.ReservationsUnavailableException;
import dev.orderflow.order.port.out.StockReservations;
import dev.orderflow.shared.IdempotencyKey;
import dev.orderflow.shared.OrderId;
import java.time.Clock;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Places an order so that it can never be lost: the order is stored pending before any stock is touched, and
 * only then is stock reserved. If the reservation's outcome is unknown the order stays pending for the recovery
 * step. A request repeated with the same idempotency key drives the same order again, which is safe because the
 * inventory answers a repeated order id with its first decision.
 */
public class PlaceOrderService implements PlaceOrderUseCase {

    private final OrderRepository orders;
    private final StockReservations reservations;
    private final Clock clock;

    public PlaceOrderService(OrderRepository orders, StockReservations reservations, Clock clock) {
        this.orders = orders;
        this.reservations = reservations;
        this.clock = clock;
    }

    @Override
    public Mono<PlacedOrder> place(PlaceOrderCommand command) {
        Optional<IdempotencyKey> key = command.idempotencyKey();
        OrderId orderId = key.map(OrderId::forIdempotencyKey).orElseGet(OrderId::random);
        Order requested = Order.pending(orderId, command.productId(), command.quantity(), command.customerId(),
                clock.instant(), key.map(IdempotencyKey::sha256).orElse(null));
        Mono<PlacedOrder> placed = Mono.defer(() -> reservations.knownUnavailableFor().isPresent()
                ? answerWithoutStoring(requested, key.isPresent())
                : createThenReserve(requested));
        return placed.onErrorMap(PlaceOrderService::isStorageFailure,
                e -> new OrderStorageFailedException(orderId, e));
    }

    /** Anything but the outcomes this use case reports itself is the order store failing. */
    private static boolean isStorageFailure(Throwable error) {
        return !(error instanceof IdempotencyKeyReusedException || error instanceof InventoryUnavailableException
                || error instanceof InventoryTimeoutException);
    }

    /**
     * The common case costs one conditional write: create-if-absent tells a new order from a repeated request, so
     * no read is spent looking for an earlier one first.
     */
    private Mono<PlacedOrder> createThenReserve(Order requested) {
        return orders.create(requested)
                .flatMap(created -> created
                        ? reserve(requested).map(order -> new PlacedOrder(order, false))
                        : orders.find(requested.orderId()).flatMap(existing -> replay(existing, requested)));
    }

    /**
     * With the inventory known to be down nothing new is stored, but a repeated request for an order that was
     * already decided still gets its answer.
     */
    private Mono<PlacedOrder> answerWithoutStoring(Order requested, boolean mayBeRepeated) {
        Mono<Order> earlier = mayBeRepeated ? orders.find(requested.orderId()) : Mono.empty();
        return earlier
                .flatMap(existing -> replay(existing, requested))
                .switchIfEmpty(Mono.defer(() -> refuseIfInventoryKnownDown()
                        .then(Mono.defer(() -> createThenReserve(requested)))));
    }

    private Mono<PlacedOrder> replay(Order existing, Order requested) {
        if (!existing.sameRequestAs(requested)) {
            return Mono.error(new IdempotencyKeyReusedException());
        }
        if (!existing.isPending()) {
            return Mono.just(new PlacedOrder(existing, true));
        }
        return refuseIfInventoryKnownDown()
                .then(reserve(existing))
                .map(order -> new PlacedOrder(order, true));
    }

    private Mono<Void> refuseIfInventoryKnownDown() {
        return Mono.defer(() -> reservations.knownUnavailableFor()
                .<Void>map(retryAfter -> {
                    throw new InventoryUnavailableException(Optional.empty(), retryAfter, null);
                })
                .map(Mono::just)
                .orElseGet(Mono::empty));
    }

    private Mono<Order> reserve(Order pending) {
        ReserveStockCommand command = new ReserveStockCommand(pending.orderId(), pending.productId(),
                pending.quantity(), pending.customerId());
        return reservations.reserve(command)
                .flatMap(result -> orders.resolve(pending.resolvedBy(result)))
                .onErrorMap(ReservationsTimeoutException.class,
                        e -> new InventoryTimeoutException(pending.orderId(), e))
                .onErrorMap(ReservationsUnavailableException.class,
                        e -> new InventoryUnavailableException(Optional.of(pending.orderId()), e.retryAfter(), e));
    }
}
