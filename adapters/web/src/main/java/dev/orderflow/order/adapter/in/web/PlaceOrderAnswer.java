package dev.orderflow.order.adapter.in.web;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.port.in.PlaceOrderResult.Decided;
import dev.orderflow.order.port.in.PlaceOrderResult.NotPlaced;
import dev.orderflow.order.port.in.PlaceOrderResult;
import dev.orderflow.platform.http.ProblemType;
import dev.orderflow.platform.web.Problems;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * How each outcome of placing an order is answered (docs/design.md, ADR 0017): one exhaustive mapping, so a new
 * outcome does not compile until it has an answer here.
 * <ul>
 *   <li>decided: {@code 201} confirmed ({@code 200} for a replay), {@code 409}/{@code 422} rejected;</li>
 *   <li>stored, decided later: {@code 202} with {@code Location}, the order pending;</li>
 *   <li>not stored: {@code 503} with {@code Retry-After}, always safe to send again;</li>
 *   <li>idempotency key reused: {@code 422}.</li>
 * </ul>
 *
 * @param outcome the {@code outcome} tag of {@code orderflow.orders}
 */
record PlaceOrderAnswer(ResponseEntity<?> response, String outcome) {

    static PlaceOrderAnswer of(PlaceOrderResult result, String path) {
        return result.match(
                decided -> decided(decided, path),
                accepted -> new PlaceOrderAnswer(ResponseEntity.status(HttpStatus.ACCEPTED)
                        .location(location(accepted.order()))
                        .body(OrderResponse.of(accepted.order())), "pending"),
                notPlaced -> new PlaceOrderAnswer(notPlaced(notPlaced, path), "not_placed"),
                reused -> new PlaceOrderAnswer(Problems.of(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key belongs to an order with another product, quantity or customer.", path,
                        Map.of("order_id", reused.orderId().value()), null), "idempotency_conflict"));
    }

    private static PlaceOrderAnswer decided(Decided decided, String path) {
        Order order = decided.order();
        return switch (order.status()) {
            case CONFIRMED -> decided.replayed()
                    ? new PlaceOrderAnswer(ResponseEntity.ok(OrderResponse.of(order)), "replayed")
                    : new PlaceOrderAnswer(ResponseEntity.created(location(order)).body(OrderResponse.of(order)),
                            "confirmed");
            case REJECTED -> new PlaceOrderAnswer(rejected(order, path),
                    OrderResponse.code(order.rejectionReason()).code());
            case PENDING -> throw new IllegalStateException("a decided order is never pending");
        };
    }

    private static ResponseEntity<?> rejected(Order order, String path) {
        Map<String, Object> orderId = Map.of("order_id", order.orderId().value());
        return switch (order.rejectionReason()) {
            case INSUFFICIENT_STOCK -> Problems.of(ProblemType.INSUFFICIENT_STOCK, "There are fewer than "
                    + order.quantity().value() + " of " + order.productId().value() + " in stock.", path, orderId, null);
            case UNKNOWN_PRODUCT -> Problems.of(ProblemType.UNKNOWN_PRODUCT,
                    "There is no product " + order.productId().value() + ".", path, orderId, null);
            case EXPIRED -> Problems.of(ProblemType.ORDER_EXPIRED,
                    "The order could not be processed in time and was rejected.", path, orderId, null);
        };
    }

    private static ResponseEntity<?> notPlaced(NotPlaced notPlaced, String path) {
        return switch (notPlaced.reason()) {
            case INVENTORY_UNAVAILABLE -> Problems.of(ProblemType.INVENTORY_UNAVAILABLE,
                    "Orders cannot be taken right now; nothing was stored. Send the order again later.", path,
                    Map.of(), notPlaced.retryAfter());
            case STORE_UNAVAILABLE -> Problems.of(ProblemType.SERVICE_UNAVAILABLE,
                    "The order store did not take the order; nothing was stored. Send the order again later.", path,
                    Map.of(), notPlaced.retryAfter());
        };
    }

    private static URI location(Order order) {
        return URI.create("/orders/" + order.orderId().value());
    }
}
