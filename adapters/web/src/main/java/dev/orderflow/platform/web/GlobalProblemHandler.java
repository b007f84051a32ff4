package dev.orderflow.platform.web;

import dev.orderflow.platform.http.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Errors that never reach a controller (no route, wrong method, a filter's 413 or 415) as problem+json too, built
 * like every other answer by {@link Problems}, ahead of Spring Boot's own error handler, whose JSON shape differs and
 * may carry exception details.
 */
public class GlobalProblemHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(GlobalProblemHandler.class);

    private final ProblemWriter problems;

    public GlobalProblemHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ProblemType type = ProblemClassifier.classify(error);
        if (type == ProblemType.INTERNAL_ERROR) {
            log.error("request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    error);
        }
        return problems.write(exchange, Problems.of(type, ProblemClassifier.detail(type, error),
                exchange.getRequest().getPath().value()));
    }

    /** Before Spring Boot's DefaultErrorWebExceptionHandler (order -1). */
    @Override
    public int getOrder() {
        return -2;
    }
}
