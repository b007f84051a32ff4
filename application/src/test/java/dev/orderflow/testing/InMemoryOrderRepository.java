package dev.orderflow.testing;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.port.out.OrderRepository;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The order store as a map, with the same atomic create and resolve-only-if-pending rules as DynamoDB. */
public class InMemoryOrderRepository implements OrderRepository {

    private final Map<OrderId, Order> orders = new ConcurrentHashMap<>();
    private volatile boolean down;
    private volatile Duration refusingFor;

    /** While down, every call fails as a store outage does; a create that fails still stored nothing. */
    public void down(boolean isDown) {
        this.down = isDown;
    }

    /** While set, every call is refused at once, as by the open circuit of a store known to be down. */
    public void refuse(Duration retryAfter) {
        this.refusingFor = retryAfter;
    }

    @Override
    public Mono<Boolean> create(Order order) {
        return available().then(Mono.fromSupplier(() -> orders.putIfAbsent(order.orderId(), order) == null));
    }

    private Mono<Void> available() {
        return Mono.defer(() -> {
            Duration refusal = refusingFor;
            if (refusal != null) {
                return Mono.error(new StoreUnavailableException("order store refused (test fault)", refusal));
            }
            return down ? Mono.error(new IllegalStateException("order store down (test fault)")) : Mono.empty();
        });
    }

    @Override
    public Mono<Order> find(OrderId orderId) {
        return available().then(Mono.fromSupplier(() -> orders.get(orderId)));
    }

    @Override
    public Mono<Order> resolve(Order resolved) {
        return available().then(Mono.fromSupplier(() -> orders.compute(resolved.orderId(), (id, stored) -> {
            if (stored == null) {
                throw new IllegalStateException("no order " + id + " to resolve");
            }
            return stored.isPending() ? resolved : stored;
        })));
    }

    @Override
    public Flux<Order> findPending(Instant createdBefore, int limit) {
        return Flux.defer(() -> Flux.fromStream(orders.values().stream()
                .filter(Order::isPending)
                .filter(order -> order.createdAt().isBefore(createdBefore))
                .sorted(Comparator.comparing(Order::createdAt))
                .limit(limit)));
    }

    public int size() {
        return orders.size();
    }
}
