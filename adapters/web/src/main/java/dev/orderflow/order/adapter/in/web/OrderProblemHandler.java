package dev.orderflow.order.adapter.in.web;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.port.in.IdempotencyKeyReusedException;
import dev.orderflow.order.port.in.InventoryTimeoutException;
import dev.orderflow.order.port.in.InventoryUnavailableException;
import dev.orderflow.order.port.in.OrderStorageFailedException;
import dev.orderflow.platform.web.MalformedRequestException;
import dev.orderflow.platform.web.ProblemHandlerSupport;
import dev.orderflow.platform.web.ProblemType;
import dev.orderflow.platform.web.Problems;
import dev.orderflow.platform.web.RequestValidationException;
import dev.orderflow.shared.StoreUnavailableException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Every error of the order API as problem+json (RFC 9457). */
@RestControllerAdvice(assignableTypes = OrderController.class)
public class OrderProblemHandler extends ProblemHandlerSupport {

    private static final Logger log = LoggerFactory.getLogger(OrderProblemHandler.class);

    @ExceptionHandler(OrderRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(OrderRejectedException e, ServerWebExchange exchange) {
        Order order = e.order();
        ProblemType type = switch (order.rejectionReason()) {
            case INSUFFICIENT_STOCK -> ProblemType.INSUFFICIENT_STOCK;
            case UNKNOWN_PRODUCT -> ProblemType.UNKNOWN_PRODUCT;
            case EXPIRED -> ProblemType.ORDER_EXPIRED;
        };
        String detail = switch (order.rejectionReason()) {
            case INSUFFICIENT_STOCK -> "There are fewer than " + order.quantity().value() + " of "
                    + order.productId().value() + " in stock.";
            case UNKNOWN_PRODUCT -> "There is no product " + order.productId().value() + ".";
            case EXPIRED -> "The order could not be processed in time and was rejected.";
        };
        return Problems.of(type, detail, path(exchange), Map.of("order_id", order.orderId().value()), null);
    }

    @ExceptionHandler(OrderNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(OrderNotFoundException e, ServerWebExchange exchange) {
        return Problems.of(ProblemType.NOT_FOUND, "There is no order with this id.", path(exchange));
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e, ServerWebExchange exchange) {
        return Problems.of(ProblemType.IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key belongs to an order with another product, quantity or customer.",
                path(exchange));
    }

    @ExceptionHandler(InventoryUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(InventoryUnavailableException e, ServerWebExchange exchange) {
        if (e.pendingOrder().isEmpty()) {
            return Problems.of(ProblemType.INVENTORY_UNAVAILABLE,
                    "Orders cannot be taken right now; nothing was stored. Try again later.", path(exchange), Map.of(),
                    e.retryAfter());
        }
        return Problems.of(ProblemType.INVENTORY_UNAVAILABLE,
                "The inventory is unavailable. The order is kept as pending and will be resolved; GET it later, or "
                        + "retry with the same Idempotency-Key.",
                path(exchange), Map.of("order_id", e.pendingOrder().get().value()), e.retryAfter());
    }

    @ExceptionHandler(InventoryTimeoutException.class)
    ResponseEntity<ProblemDetail> timeout(InventoryTimeoutException e, ServerWebExchange exchange) {
        return Problems.of(ProblemType.INVENTORY_TIMEOUT,
                "The inventory did not answer in time. The order is kept as pending and will be resolved; GET it "
                        + "later, or retry with the same Idempotency-Key.",
                path(exchange), Map.of("order_id", e.pendingOrder().value()), null);
    }

    @ExceptionHandler(OrderStorageFailedException.class)
    ResponseEntity<ProblemDetail> storageFailed(OrderStorageFailedException e, ServerWebExchange exchange) {
        Duration retryAfter = RETRY_SOON;
        if (e.getCause() instanceof StoreUnavailableException refused) {
            // The store's circuit is open: expected by the thousand during an outage, and visible in its metrics.
            retryAfter = refused.retryAfter();
        } else {
            log.error("storing order {} failed", e.orderId(), e);
        }
        return Problems.of(ProblemType.SERVICE_UNAVAILABLE,
                "The order could not be stored reliably; it may or may not exist. GET it, or retry with the same "
                        + "Idempotency-Key.",
                path(exchange), Map.of("order_id", e.orderId().value()), retryAfter);
    }

    /** The {@code outcome} tag of {@code orderflow.orders} for a request that failed. */
    static String outcomeOf(Throwable error) {
        if (error instanceof RequestValidationException || error instanceof MalformedRequestException) {
            return "invalid";
        }
        if (error instanceof IdempotencyKeyReusedException) {
            return "idempotency_conflict";
        }
        if (error instanceof InventoryUnavailableException) {
            return "unavailable";
        }
        if (error instanceof InventoryTimeoutException) {
            return "timeout";
        }
        if (error instanceof OrderStorageFailedException) {
            return "storage_failed";
        }
        return "error";
    }
}
