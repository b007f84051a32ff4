package dev.orderflow.order.application;

import dev.orderflow.inventory.ReserveStockCommand;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.port.in.PlaceOrderCommand;
import dev.orderflow.order.port.in.PlaceOrderResult.Accepted;
import dev.orderflow.order.port.in.PlaceOrderResult.Decided;
import dev.orderflow.order.port.in.PlaceOrderResult.KeyReused;
import dev.orderflow.order.port.in.PlaceOrderResult.NotPlaced;
import dev.orderflow.order.port.in.PlaceOrderResult;
import dev.orderflow.order.port.in.PlaceOrderUseCase;
import dev.orderflow.order.port.out.OrderRepository;
import dev.orderflow.order.port.out.ReservationOutcomeUnknownException;
import dev.orderflow.order.port.out.ReservationsUnavailableException;
import dev.orderflow.order.port.out.StockReservations;
import dev.orderflow.platform.store.StoreOutcomeUnknownException;
import dev.orderflow.platform.store.StoreUnavailableException;
import dev.orderflow.shared.IdempotencyKey;
import dev.orderflow.shared.OrderId;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Places an order so that it can never be lost and a client is never misled about it. The order is stored pending
 * before any stock is touched, and only then is stock reserved. What the client is told follows what is known:
 * <ul>
 *   <li>nothing stored ({@link NotPlaced}) only when the store did not take the order, which it reports as
 *       {@link StoreUnavailableException}, or when the inventory was known to be down before anything was stored;</li>
 *   <li>stored, decided later ({@link Accepted}) once the order is, or may be, stored but its outcome is not
 *       recorded: the recovery step decides it;</li>
 *   <li>decided ({@link Decided}) when the outcome is recorded.</li>
 * </ul>
 * A request repeated with the same idempotency key drives the same order again, which is safe because the inventory
 * answers a repeated order id with its first decision.
 */
public class PlaceOrderService implements PlaceOrderUseCase {

    /** JDK logging: the application layer depends on no logging library; Spring Boot routes it to the service's log. */
    private static final System.Logger LOG = System.getLogger(PlaceOrderService.class.getName());

    /** The first pause before a create whose outcome stayed unknown is tried again in the background. */
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    /**
     * Short: until the create lands, the client's GET answers 404 for an order it was told is stored. A try while the
     * store is known down costs nothing (the breaker refuses it without a call), so trying often is cheap.
     */
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final OrderRepository orders;
    private final StockReservations reservations;
    private final PendingOrderPolicy policy;
    private final Clock clock;
    private final AtomicInteger backgroundCreates = new AtomicInteger();
    private final AtomicLong abandonedCreates = new AtomicLong();

    /**
     * @param policy its maximum age bounds how long a create whose outcome stayed unknown is tried again: an order
     *               created later than that is expired by the recovery step anyway
     */
    public PlaceOrderService(OrderRepository orders, StockReservations reservations, PendingOrderPolicy policy,
                             Clock clock) {
        this.orders = orders;
        this.reservations = reservations;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Mono<PlaceOrderResult> place(PlaceOrderCommand command) {
        Optional<IdempotencyKey> key = command.idempotencyKey();
        OrderId orderId = key.map(OrderId::forIdempotencyKey).orElseGet(OrderId::random);
        Order requested = Order.pending(orderId, command.productId(), command.quantity(), command.customerId(),
                clock.instant(), key.map(IdempotencyKey::sha256).orElse(null));
        return Mono.defer(() -> reservations.knownUnavailableFor()
                .map(retryAfter -> answerWithoutStoring(requested, key.isPresent(), retryAfter))
                .orElseGet(() -> store(requested)));
    }

    /**
     * The common case costs one conditional write: create-if-absent tells a new order from a repeated request, so no
     * read is spent looking for an earlier one first.
     */
    private Mono<PlaceOrderResult> store(Order requested) {
        return orders.create(requested)
                .map(created -> afterCreate(created, requested))
                .onErrorResume(StoreUnavailableException.class, refused -> Mono.just(Mono.just(
                        new NotPlaced(NotPlaced.Reason.STORE_UNAVAILABLE, refused.retryAfter()))))
                .onErrorResume(StoreOutcomeUnknownException.class, unknown -> Mono.just(storeAgain(requested)))
                .flatMap(next -> next);
    }

    /**
     * The create may or may not have landed, so the client cannot be told "not placed". A second create-if-absent
     * tells: created now (and the first can no longer land, its condition would fail), or there already. If the
     * store cannot tell either, the client is told the order is stored, and that is made true: the create goes on
     * being tried in the background until the store answers.
     */
    private Mono<PlaceOrderResult> storeAgain(Order requested) {
        return orders.create(requested)
                .map(created -> afterCreate(created, requested))
                .onErrorResume(PlaceOrderService::isStoreFailure, stillUnknown -> {
                    keepCreating(requested);
                    return Mono.just(Mono.just(new Accepted(requested, false)));
                })
                .flatMap(next -> next);
    }

    /**
     * Creates the order once the store answers again, so that the order a client was told is stored exists, pending,
     * and the recovery step decides it (or expires it, if the store stayed away past the maximum age). Whether this
     * create or an earlier one lands, the condition lets only the first stand. Lost if this process dies first; the
     * client's GET then answers 404, and a retry with the same Idempotency-Key is safe.
     */
    private void keepCreating(Order requested) {
        backgroundCreates.incrementAndGet();
        orders.create(requested)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_PAUSE).maxBackoff(LONGEST_PAUSE)
                        .filter(PlaceOrderService::isStoreFailure))
                .timeout(policy.maximumAge())
                .doFinally(signal -> backgroundCreates.decrementAndGet())
                .subscribe(created -> { }, givenUp -> {
                    abandonedCreates.incrementAndGet();
                    LOG.log(System.Logger.Level.WARNING, "order {0} was answered 202 but could not be created within "
                                    + "{1}: its client's GET answers 404 and a retry with the same Idempotency-Key "
                                    + "places it ({2})", requested.orderId(), policy.maximumAge(), givenUp.toString());
                });
    }

    /** Creates still being tried in the background for orders answered {@code 202}: published as a gauge. */
    public int backgroundCreates() {
        return backgroundCreates.get();
    }

    /** Background creates that gave up: each is a {@code 202} whose order does not exist. Published as a counter. */
    public long abandonedCreates() {
        return abandonedCreates.get();
    }

    private Mono<PlaceOrderResult> afterCreate(boolean created, Order requested) {
        return created ? reserve(requested, false) : replay(requested);
    }

    /**
     * The order exists already. Without an idempotency key the id is random, so it can only be this request's own
     * create that landed on an earlier attempt; with one, it is an earlier request's order.
     */
    private Mono<PlaceOrderResult> replay(Order requested) {
        boolean replayed = requested.idempotencyKeyHash() != null;
        return orders.find(requested.orderId())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "order " + requested.orderId() + " exists but cannot be read")))
                .flatMap(existing -> replay(existing, requested, replayed))
                .onErrorResume(PlaceOrderService::isStoreFailure, unreadable -> Mono.just(
                        new Accepted(requested, replayed)));
    }

    private Mono<PlaceOrderResult> replay(Order existing, Order requested, boolean replayed) {
        if (!existing.sameRequestAs(requested)) {
            return Mono.just(new KeyReused(existing.orderId()));
        }
        if (!existing.isPending()) {
            return Mono.just(new Decided(existing, replayed));
        }
        return reservations.knownUnavailableFor().isPresent()
                ? Mono.just(new Accepted(existing, replayed))
                : reserve(existing, replayed);
    }

    /**
     * With the inventory known to be down nothing new is stored, but a repeated request for an order that exists
     * still gets its answer.
     */
    private Mono<PlaceOrderResult> answerWithoutStoring(Order requested, boolean mayBeRepeated, Duration retryAfter) {
        NotPlaced notPlaced = new NotPlaced(NotPlaced.Reason.INVENTORY_UNAVAILABLE, retryAfter);
        if (!mayBeRepeated) {
            return Mono.just(notPlaced);
        }
        return orders.find(requested.orderId())
                .flatMap(existing -> replay(existing, requested, true))
                .defaultIfEmpty(notPlaced)
                .onErrorResume(PlaceOrderService::isStoreFailure, unreadable -> Mono.just(notPlaced));
    }

    /** From here on the order is stored: whatever fails, it is pending, and the recovery step decides it. */
    private Mono<PlaceOrderResult> reserve(Order pending, boolean replayed) {
        ReserveStockCommand command = new ReserveStockCommand(pending.orderId(), pending.productId(),
                pending.quantity(), pending.customerId());
        return reservations.reserve(command)
                .flatMap(result -> orders.resolve(pending.resolvedBy(result))
                        .<PlaceOrderResult>map(stored -> new Decided(stored, replayed))
                        .onErrorResume(PlaceOrderService::isStoreFailure, unrecorded -> Mono.just(
                                new Accepted(pending, replayed))))
                .onErrorResume(PlaceOrderService::isReservationFailure, undecided -> Mono.just(
                        new Accepted(pending, replayed)));
    }

    private static boolean isStoreFailure(Throwable error) {
        return error instanceof StoreUnavailableException || error instanceof StoreOutcomeUnknownException;
    }

    private static boolean isReservationFailure(Throwable error) {
        return error instanceof ReservationsUnavailableException
                || error instanceof ReservationOutcomeUnknownException;
    }
}
