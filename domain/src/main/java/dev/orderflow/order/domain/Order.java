package dev.orderflow.order.domain;

import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.Money;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import java.time.Instant;
import java.util.Objects;

/**
 * An order as the gateway keeps it. It is stored {@code PENDING} before any stock is touched, and only ever
 * moves once, to {@code CONFIRMED} or {@code REJECTED}.
 *
 * @param totalPrice        set once confirmed, else {@code null}
 * @param processedAt       when the inventory decided, else {@code null}
 * @param rejectionReason   set once rejected, else {@code null}
 * @param idempotencyKeyHash SHA-256 of the client's key, {@code null} when the client sent none
 */
public record Order(OrderId orderId, ProductId productId, Quantity quantity, CustomerId customerId,
                    OrderStatus status, Money totalPrice, Instant processedAt, RejectionReason rejectionReason,
                    Instant createdAt, String idempotencyKeyHash) {

    public Order {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        switch (status) {
            case PENDING -> require(totalPrice == null && processedAt == null && rejectionReason == null,
                    "a pending order has no outcome yet");
            case CONFIRMED -> require(totalPrice != null && processedAt != null && rejectionReason == null,
                    "a confirmed order has a price and a processing time");
            case REJECTED -> require(totalPrice == null && processedAt != null && rejectionReason != null,
                    "a rejected order has a reason and a processing time");
        }
    }

    public static Order pending(OrderId orderId, ProductId productId, Quantity quantity, CustomerId customerId,
                                Instant createdAt, String idempotencyKeyHash) {
        return new Order(orderId, productId, quantity, customerId, OrderStatus.PENDING, null, null, null,
                createdAt, idempotencyKeyHash);
    }

    /** The order as the inventory's answer leaves it: the one mapping from that answer to an order's outcome. */
    public Order resolvedBy(ReservationResult result) {
        requirePending();
        return result.match(
                reserved -> withOutcome(OrderStatus.CONFIRMED, reserved.totalPrice(), reserved.processedAt(), null),
                insufficientStock -> rejected(RejectionReason.INSUFFICIENT_STOCK, result),
                unknownProduct -> rejected(RejectionReason.UNKNOWN_PRODUCT, result),
                withdrawn -> rejected(RejectionReason.EXPIRED, result));
    }

    private Order rejected(RejectionReason reason, ReservationResult result) {
        return withOutcome(OrderStatus.REJECTED, null, result.processedAt(), reason);
    }

    public boolean isPending() {
        return status == OrderStatus.PENDING;
    }

    /** Whether another request asks for exactly this order (same product, quantity and customer). */
    public boolean sameRequestAs(Order other) {
        return productId.equals(other.productId) && quantity.equals(other.quantity)
                && customerId.equals(other.customerId);
    }

    private Order withOutcome(OrderStatus newStatus, Money price, Instant at, RejectionReason reason) {
        return new Order(orderId, productId, quantity, customerId, newStatus, price, at, reason, createdAt,
                idempotencyKeyHash);
    }

    private void requirePending() {
        if (!isPending()) {
            throw new IllegalStateException("order " + orderId + " is already " + status);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
