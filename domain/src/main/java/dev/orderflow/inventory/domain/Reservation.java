package dev.orderflow.inventory.domain;

import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import java.util.Objects;

/**
 * The record of what the inventory decided for one order, kept so that the same order asked again gets the
 * same answer and reserves nothing more. Rejections are recorded too, so the answer never flips.
 */
public record Reservation(OrderId orderId, ProductId productId, Quantity quantity, CustomerId customerId,
                          ReservationResult result) {

    public Reservation {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(result, "result");
    }

    /** Whether a repeated request is really the same order, not a different one reusing its id. */
    public boolean isFor(ProductId otherProduct, Quantity otherQuantity, CustomerId otherCustomer) {
        return productId.equals(otherProduct) && quantity.equals(otherQuantity) && customerId.equals(otherCustomer);
    }

    public boolean holdsStock() {
        return result instanceof ReservationResult.Reserved;
    }
}
