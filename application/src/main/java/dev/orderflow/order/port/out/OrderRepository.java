package dev.orderflow.order.port.out;

import dev.orderflow.order.domain.Order;
import dev.orderflow.shared.OrderId;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface OrderRepository {

    /** Stores a new order. @return false, changing nothing, if an order with its id exists already */
    Mono<Boolean> create(Order order);

    /** A strongly consistent read. */
    Mono<Order> find(OrderId orderId);

    /**
     * Stores the final state of an order, but only while the stored one is still pending, so an outcome is
     * never overwritten by a later one.
     *
     * @return the order as stored afterwards: {@code resolved}, or the outcome someone else stored first
     */
    Mono<Order> resolve(Order resolved);

    /** Orders still pending that were created before {@code createdBefore}, oldest first, at most {@code limit}. */
    Flux<Order> findPending(Instant createdBefore, int limit);
}
