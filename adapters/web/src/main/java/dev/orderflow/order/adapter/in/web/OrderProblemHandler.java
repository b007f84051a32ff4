package dev.orderflow.order.adapter.in.web;

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

/** The order API's errors as problem+json (RFC 9457); business outcomes are answered by PlaceOrderAnswer. */
@RestControllerAdvice(assignableTypes = OrderController.class)
public class OrderProblemHandler extends ProblemHandlerSupport {

    @ExceptionHandler(OrderNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(OrderNotFoundException e, ServerWebExchange exchange) {
        return Problems.of(ProblemType.NOT_FOUND, "There is no order with this id.", path(exchange));
    }

    /** The {@code outcome} tag of {@code orderflow.orders} for a request that failed. */
    static String outcomeOf(Throwable error) {
        return error instanceof RequestValidationException || error instanceof MalformedRequestException
                ? "invalid" : "error";
    }
}
