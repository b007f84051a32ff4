package dev.orderflow.order.port.in;

import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.IdempotencyKey;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import java.util.Objects;
import java.util.Optional;

/** A client's request for an order; every part is already a valid value, so the command is valid once built. */
public record PlaceOrderCommand(ProductId productId, Quantity quantity, CustomerId customerId,
                                Optional<IdempotencyKey> idempotencyKey) {

    public PlaceOrderCommand {
        Objects.requireNonNull(productId, "product_id");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(customerId, "customer_id");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
