package dev.orderflow.inventory;

import dev.orderflow.shared.OrderId;

/** An order id that was already used for another product, quantity or customer. Nothing was reserved. */
public class ReservationConflictException extends RuntimeException {

    public ReservationConflictException(OrderId orderId) {
        super("order_id " + orderId + " was already used for a different order");
    }
}
