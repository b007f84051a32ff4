package dev.orderflow.testing;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.port.out.OrderRepository;
import dev.orderflow.shared.OrderId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The order store as a map, with the same atomic create and resolve-only-if-pending rules as DynamoDB. */
public class InMemoryOrderRepository implements OrderRepository {

    private final Map<OrderId, Order> orders = new ConcurrentHashMap<>();

    @Override
    public Mono<Boolean> create(Order order) {
        return Mono.fromSupplier(() -> orders.putIfAbsent(order.orderId(), order) == null);
    }

    @Override
    public Mono<Order> find(OrderId orderId) {
        return Mono.fromSupplier(() -> orders.get(orderId));
    }

    @Override
    public Mono<Order> resolve(Order resolved) {
        return Mono.fromSupplier(() -> orders.compute(resolved.orderId(), (id, stored) -> {
            if (stored == null) {
                throw new IllegalStateException("no order " + id + " to resolve");
            }
            return stored.isPending() ? resolved : stored;
        }));
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
