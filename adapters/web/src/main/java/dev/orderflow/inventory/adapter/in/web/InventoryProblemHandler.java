package dev.orderflow.inventory.adapter.in.web;

import dev.orderflow.inventory.ReservationConflictException;
import dev.orderflow.platform.http.ProblemType;
import dev.orderflow.platform.web.MalformedRequestException;
import dev.orderflow.platform.web.ProblemHandlerSupport;
import dev.orderflow.platform.web.Problems;
import dev.orderflow.platform.web.RequestValidationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** The processor's API errors as problem+json (RFC 9457); business outcomes are answered by ReservationAnswer. */
@RestControllerAdvice(assignableTypes = {ProcessorController.class, InventoryController.class})
public class InventoryProblemHandler extends ProblemHandlerSupport {

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
        if (error instanceof ReservationConflictException) {
            return "order_id_reused";
        }
        if (error instanceof RequestValidationException || error instanceof MalformedRequestException) {
            return "invalid";
        }
        return "error";
    }
}
