package dev.orderflow.order.port.in;

import dev.orderflow.order.domain.Order;
import dev.orderflow.shared.OrderId;
import reactor.core.publisher.Mono;

public interface GetOrderUseCase {

    /** @return the order, or empty if there is none with this id */
    Mono<Order> get(OrderId orderId);
}
