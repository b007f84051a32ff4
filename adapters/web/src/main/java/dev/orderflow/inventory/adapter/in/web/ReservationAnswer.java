package dev.orderflow.inventory.adapter.in.web;

import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.platform.http.ProblemType;
import dev.orderflow.platform.http.RejectionCode;
import dev.orderflow.platform.web.Problems;
import dev.orderflow.shared.OrderId;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;

/**
 * How the processor's API writes a reservation result: the one mapping from a result to its HTTP vocabulary
 * (docs/design.md), so that a new kind of result does not compile until it has its answer here.
 */
final class ReservationAnswer {

    /** A rejection as the API names it: its problem type, its {@code rejection_reason}, and what to tell. */
    private record Rejection(ProblemType type, RejectionCode code, String detail) {
    }

    private ReservationAnswer() {
    }

    /** The answer to {@code POST /process-order}: the reservation, or the rejection as a problem. */
    static ResponseEntity<?> reservation(OrderId orderId, ReservationResult result, String path) {
        return rejection(result)
                .<ResponseEntity<?>>map(rejection -> Problems.of(rejection.type(), rejection.detail(), path,
                        Map.of("order_id", orderId.value(), "processed_at", result.processedAt().toString()), null))
                .orElseGet(() -> ResponseEntity.ok(decision(orderId, result)));
    }

    /** The decision for an order as a body: for {@code GET /reservations/{id}} and {@code POST /withdraw-order}. */
    static ReservationResponse decision(OrderId orderId, ReservationResult result) {
        String processedAt = result.processedAt().toString();
        return rejection(result)
                .map(rejection -> new ReservationResponse(orderId.value(), "rejected", rejection.code().code(), null,
                        processedAt))
                .orElseGet(() -> new ReservationResponse(orderId.value(), "confirmed", null,
                        ((ReservationResult.Reserved) result).totalPrice().toDecimal(), processedAt));
    }

    /** The {@code outcome} tag of {@code orderflow.reservations}. */
    static String outcome(ReservationResult result) {
        return rejection(result).map(rejection -> rejection.code().code()).orElse("reserved");
    }

    private static Optional<Rejection> rejection(ReservationResult result) {
        return result.match(
                reserved -> Optional.empty(),
                insufficientStock -> Optional.of(new Rejection(ProblemType.INSUFFICIENT_STOCK,
                        RejectionCode.INSUFFICIENT_STOCK, "There is not enough stock for this order.")),
                unknownProduct -> Optional.of(new Rejection(ProblemType.UNKNOWN_PRODUCT,
                        RejectionCode.UNKNOWN_PRODUCT, "There is no such product.")),
                withdrawn -> Optional.of(new Rejection(ProblemType.ORDER_EXPIRED, RejectionCode.EXPIRED,
                        "The order was given up before it could be processed.")));
    }
}
