package dev.orderflow.inventory.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;

/**
 * What the processor decided for an order; {@code total_price} when confirmed, a reason when rejected. Built by
 * {@link ReservationAnswer}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReservationResponse(String orderId, String status, String rejectionReason, BigDecimal totalPrice,
                           String processedAt) {
}
