package dev.orderflow.platform.web;

import dev.orderflow.shared.StoreUnavailableException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * The error mapping every web adapter shares: bad requests become 4xx problems, anything unexpected a 503 that
 * says nothing about why (the log has the why). Each adapter's advice extends it with its own errors.
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

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e, ServerWebExchange exchange) {
        ProblemType type = ProblemClassifier.classify(e);
        if (type == ProblemType.SERVICE_UNAVAILABLE) {
            log.error("request {} {} failed", exchange.getRequest().getMethod(), path(exchange), e);
        }
        return Problems.of(type, ProblemClassifier.detail(type, e), path(exchange), Map.of(),
                type == ProblemType.SERVICE_UNAVAILABLE ? RETRY_SOON : null);
    }

    protected static String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }
}
