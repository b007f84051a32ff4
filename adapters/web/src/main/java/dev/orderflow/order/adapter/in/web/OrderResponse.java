package dev.orderflow.order.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.RejectionReason;
import dev.orderflow.platform.http.RejectionCode;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * An order as clients see it (snake_case, as the earlier Python services answered). {@code total_price} and
 * {@code processed_at} are null while the order is pending; {@code rejection_reason} appears only when rejected.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record OrderResponse(String orderId, String productId, int quantity, String customerId, String status,
                     BigDecimal totalPrice, String processedAt, String createdAt,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String rejectionReason) {

    static OrderResponse of(Order order) {
        return new OrderResponse(order.orderId().value(), order.productId().value(), order.quantity().value(),
                order.customerId().value(), order.status().name().toLowerCase(Locale.ROOT),
                order.totalPrice() == null ? null : order.totalPrice().toDecimal(),
                order.processedAt() == null ? null : order.processedAt().toString(),
                order.createdAt().toString(),
                order.rejectionReason() == null ? null : code(order.rejectionReason()).code());
    }

    /** A rejection reason as the API writes it: the one mapping from the order's reasons to the wire's. */
    static RejectionCode code(RejectionReason reason) {
        return switch (reason) {
            case INSUFFICIENT_STOCK -> RejectionCode.INSUFFICIENT_STOCK;
            case UNKNOWN_PRODUCT -> RejectionCode.UNKNOWN_PRODUCT;
            case EXPIRED -> RejectionCode.EXPIRED;
        };
    }
}
