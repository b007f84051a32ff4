package dev.orderflow.order.adapter.in.web;

import dev.orderflow.order.domain.Order;

/** Carries a rejected order to the problem mapper: a business outcome, answered 409 or 422. */
class OrderRejectedException extends RuntimeException {

    private final transient Order order;

    OrderRejectedException(Order order) {
        super("order rejected: " + order.rejectionReason(), null, false, false);
        this.order = order;
    }

    Order order() {
        return order;
    }
}
