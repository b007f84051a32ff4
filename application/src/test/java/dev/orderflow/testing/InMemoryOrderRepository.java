package dev.orderflow.testing;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.port.out.OrderRepository;
import dev.orderflow.platform.store.StoreOutcomeUnknownException;
import dev.orderflow.platform.store.StoreUnavailableException;
import dev.orderflow.shared.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The order store as a map, with the same atomic create and resolve-only-if-pending rules as DynamoDB, and with the
 * ways a real store fails, which the callers must tell apart.
 */
public class InMemoryOrderRepository implements OrderRepository {

    public enum Fault {
        /** No fault: the call succeeds (to let a call through in {@link #failNextCalls}). */
        NONE,
        /** Refused at once, nothing written: an open circuit, an unreachable store, throttling. */
        REFUSE,
        /** The call fails before anything is written, but in a way the caller cannot tell from the next one. */
        FAIL_BEFORE_WRITING,
        /** The write is applied, but its answer is lost: a timeout after the store did the work. */
        LOSE_ANSWER
    }

    public static final Duration RETRY_AFTER = Duration.ofMillis(2500);

    private final Map<OrderId, Order> orders = new ConcurrentHashMap<>();
    private final Queue<Fault> nextCalls = new ConcurrentLinkedQueue<>();
    private volatile Fault everyCall;

    /** The next calls (any operation), one fault each, in order; later calls succeed again. */
    public void failNextCalls(Fault... faults) {
        nextCalls.addAll(List.of(faults));
    }

    /** Every call fails so until {@link #heal()}. */
    public void failEveryCall(Fault fault) {
        everyCall = fault;
    }

    public void heal() {
        everyCall = null;
        nextCalls.clear();
    }

    @Override
    public Mono<Boolean> create(Order order) {
        return call(() -> orders.putIfAbsent(order.orderId(), order) == null);
    }

    @Override
    public Mono<Order> find(OrderId orderId) {
        return call(() -> orders.get(orderId));
    }

    @Override
    public Mono<Order> resolve(Order resolved) {
        return call(() -> orders.compute(resolved.orderId(), (id, stored) -> {
            if (stored == null) {
                throw new IllegalStateException("no order " + id + " to resolve");
            }
            return stored.isPending() ? resolved : stored;
        }));
    }

    @Override
    public Flux<Order> findPending(Instant createdBefore, int limit) {
        return call(() -> orders.values().stream()
                .filter(Order::isPending)
                .filter(order -> order.createdAt().isBefore(createdBefore))
                .sorted(Comparator.comparing(Order::createdAt))
                .limit(limit)
                .toList())
                .flatMapIterable(pending -> pending);
    }

    private <T> Mono<T> call(Supplier<T> work) {
        return Mono.defer(() -> {
            Fault polled = nextCalls.poll();
            Fault fault = polled != null ? polled : everyCall;
            return switch (fault == null ? Fault.NONE : fault) {
                case NONE -> Mono.justOrEmpty(work.get());
                case REFUSE -> Mono.error(new StoreUnavailableException("order store refused (test fault)",
                        RETRY_AFTER));
                case FAIL_BEFORE_WRITING -> Mono.error(new StoreOutcomeUnknownException(
                        "order store failed (test fault)", null));
                case LOSE_ANSWER -> {
                    work.get();
                    yield Mono.error(new StoreOutcomeUnknownException("order store answer lost (test fault)", null));
                }
            };
        });
    }

    public int size() {
        return orders.size();
    }

    public Order stored(OrderId orderId) {
        return orders.get(orderId);
    }
}
