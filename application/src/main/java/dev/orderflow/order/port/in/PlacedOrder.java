package dev.orderflow.order.port.in;

import dev.orderflow.order.domain.Order;
import java.util.Objects;

/**
 * The order as placing it left it: confirmed or rejected.
 *
 * @param replayed whether the order existed before this request (same idempotency key), so nothing new happened
 */
public record PlacedOrder(Order order, boolean replayed) {

    public PlacedOrder {
        Objects.requireNonNull(order, "order");
    }
}
