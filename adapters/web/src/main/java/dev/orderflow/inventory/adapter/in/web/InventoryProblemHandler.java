package dev.orderflow.inventory.adapter.in.web;

import dev.orderflow.inventory.ReservationConflictException;
import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.platform.web.MalformedRequestException;
import dev.orderflow.platform.web.ProblemHandlerSupport;
import dev.orderflow.platform.web.ProblemType;
import dev.orderflow.platform.web.Problems;
import dev.orderflow.platform.web.RequestValidationException;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Every error of the processor's API as problem+json (RFC 9457). */
@RestControllerAdvice(assignableTypes = {ProcessorController.class, InventoryController.class})
public class InventoryProblemHandler extends ProblemHandlerSupport {

    /** Rejections carry {@code processed_at} so the gateway records when the decision was made. */
    @ExceptionHandler(ReservationRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(ReservationRejectedException e, ServerWebExchange exchange) {
        ProblemType type;
        String detail;
        if (e.result() instanceof ReservationResult.InsufficientStock) {
            type = ProblemType.INSUFFICIENT_STOCK;
            detail = "There is not enough stock for this order.";
        } else if (e.result() instanceof ReservationResult.Withdrawn) {
            type = ProblemType.ORDER_EXPIRED;
            detail = "The order was given up before it could be processed.";
        } else {
            type = ProblemType.UNKNOWN_PRODUCT;
            detail = "There is no such product.";
        }
        return Problems.of(type, detail, path(exchange),
                Map.of("order_id", e.orderId().value(), "processed_at", e.result().processedAt().toString()), null);
    }

    @ExceptionHandler(ReservationConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ReservationConflictException e, ServerWebExchange exchange) {
        return Problems.of(ProblemType.ORDER_ID_REUSED,
                "This order_id was already used for another product, quantity or customer.", path(exchange));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, ServerWebExchange exchange) {
        return Problems.of(ProblemType.NOT_FOUND, "There is no " + e.getMessage() + " with this id.", path(exchange));
    }

    /** The {@code outcome} tag of {@code orderflow.reservations} for a request that was not a reservation. */
    static String outcomeOf(Throwable error) {
        if (error instanceof ReservationRejectedException rejected) {
            return ReservationResponse.reasonOf(rejected.result());
        }
        if (error instanceof ReservationConflictException) {
            return "order_id_reused";
        }
        if (error instanceof RequestValidationException || error instanceof MalformedRequestException) {
            return "invalid";
        }
        return "error";
    }
}
