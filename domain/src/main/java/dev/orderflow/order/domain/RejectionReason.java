package dev.orderflow.order.domain;

public enum RejectionReason {
    INSUFFICIENT_STOCK,
    UNKNOWN_PRODUCT,
    /** The order stayed pending longer than the recovery is allowed to reserve stock for it. */
    EXPIRED
}
