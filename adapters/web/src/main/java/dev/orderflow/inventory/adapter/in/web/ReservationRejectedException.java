package dev.orderflow.inventory.adapter.in.web;

import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.shared.OrderId;

/** Carries a rejection to the problem mapper: a business outcome, answered 409 or 422. */
class ReservationRejectedException extends RuntimeException {

    private final transient OrderId orderId;
    private final transient ReservationResult result;

    ReservationRejectedException(OrderId orderId, ReservationResult result) {
        super("reservation rejected", null, false, false);
        this.orderId = orderId;
        this.result = result;
    }

    OrderId orderId() {
        return orderId;
    }

    ReservationResult result() {
        return result;
    }
}
