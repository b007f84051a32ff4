package dev.orderflow.platform.web;

import dev.orderflow.platform.http.ProblemType;
import dev.orderflow.platform.store.StoreOutcomeUnknownException;
import dev.orderflow.platform.store.StoreUnavailableException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * The error mapping every web adapter shares: bad requests become 4xx problems; a store that did not answer a 503
 * (safe to retry: what these endpoints do is idempotent); anything unexpected a 500 that says nothing about why (the
 * log has the why). Each adapter's advice extends it with its own errors.
 */
public abstract class ProblemHandlerSupport {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandlerSupport.class);
    protected static final Duration RETRY_SOON = Duration.ofSeconds(1);

    @ExceptionHandler(RequestValidationException.class)
    ResponseEntity<ProblemDetail> invalid(RequestValidationException e, ServerWebExchange exchange) {
        return Problems.of(ProblemType.VALIDATION_FAILED, ProblemClassifier.detail(ProblemType.VALIDATION_FAILED, e),
                path(exchange), Map.of("errors", e.errors()), null);
    }

    /** A store known to be down refused at once: expected by the thousand in an outage, visible in its metrics. */
    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeRefused(StoreUnavailableException e, ServerWebExchange exchange) {
        return Problems.of(ProblemType.SERVICE_UNAVAILABLE,
                ProblemClassifier.detail(ProblemType.SERVICE_UNAVAILABLE, e), path(exchange), Map.of(),
                e.retryAfter());
    }

    /** The store failed under this request: logged once, without the stack trace that a load would multiply. */
    @ExceptionHandler(StoreOutcomeUnknownException.class)
    ResponseEntity<ProblemDetail> storeFailed(StoreOutcomeUnknownException e, ServerWebExchange exchange) {
        log.warn("request {} {} failed: {}", exchange.getRequest().getMethod(), path(exchange), e.getMessage());
        return Problems.of(ProblemType.SERVICE_UNAVAILABLE,
                ProblemClassifier.detail(ProblemType.SERVICE_UNAVAILABLE, e), path(exchange), Map.of(), RETRY_SOON);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e, ServerWebExchange exchange) {
        ProblemType type = ProblemClassifier.classify(e);
        if (type == ProblemType.INTERNAL_ERROR) {
            log.error("request {} {} failed", exchange.getRequest().getMethod(), path(exchange), e);
        }
        return Problems.of(type, ProblemClassifier.detail(type, e), path(exchange));
    }

    protected static String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }
}
