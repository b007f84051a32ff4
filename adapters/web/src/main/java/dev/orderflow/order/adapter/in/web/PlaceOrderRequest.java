package dev.orderflow.order.adapter.in.web;

import dev.orderflow.order.port.in.PlaceOrderCommand;
import dev.orderflow.platform.web.FieldError;
import dev.orderflow.platform.web.JsonRequest;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.IdempotencyKey;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import java.util.Optional;

/** Reads {@code POST /orders}: body {@code {"product_id","quantity","customer_id"}}, optional Idempotency-Key. */
final class PlaceOrderRequest {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private PlaceOrderRequest() {
    }

    static PlaceOrderCommand parse(String body, String idempotencyKey) {
        JsonRequest request = JsonRequest.parse(body);
        ProductId productId = request.text("product_id", ProductId::new);
        Quantity quantity = request.wholeNumber("quantity", Quantity::of);
        CustomerId customerId = request.text("customer_id", CustomerId::new);
        Optional<IdempotencyKey> key = Optional.empty();
        if (idempotencyKey != null) {
            try {
                key = Optional.of(new IdempotencyKey(idempotencyKey));
            } catch (IllegalArgumentException e) {
                request.reject(new FieldError(IDEMPOTENCY_KEY, e.getMessage()));
            }
        }
        request.requireValid();
        return new PlaceOrderCommand(productId, quantity, customerId, key);
    }
}
