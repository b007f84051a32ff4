package dev.orderflow.inventory.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.shared.OrderId;
import java.math.BigDecimal;

/** What the processor decided for an order; {@code total_price} when confirmed, a reason when rejected. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReservationResponse(String orderId, String status, String rejectionReason, BigDecimal totalPrice,
                           String processedAt) {

    static ReservationResponse of(OrderId orderId, ReservationResult result) {
        String processedAt = result.processedAt().toString();
        if (result instanceof ReservationResult.Reserved reserved) {
            return new ReservationResponse(orderId.value(), "confirmed", null, reserved.totalPrice().toDecimal(),
                    processedAt);
        }
        return new ReservationResponse(orderId.value(), "rejected", reasonOf(result), null, processedAt);
    }

    /** The {@code rejection_reason} of a rejected order, also the {@code outcome} tag of its metric. */
    static String reasonOf(ReservationResult rejected) {
        if (rejected instanceof ReservationResult.InsufficientStock) {
            return "insufficient_stock";
        }
        return rejected instanceof ReservationResult.Withdrawn ? "expired" : "unknown_product";
    }
}
