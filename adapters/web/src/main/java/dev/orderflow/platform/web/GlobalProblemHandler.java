package dev.orderflow.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Errors that never reach a controller (no route, wrong method, a filter's 413 or 415) as problem+json too,
 * ahead of Spring Boot's own error handler, whose JSON shape differs and may carry exception details.
 */
public class GlobalProblemHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(GlobalProblemHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        ProblemType type = ProblemClassifier.classify(error);
        if (type == ProblemType.SERVICE_UNAVAILABLE) {
            log.error("request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    error);
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.type().toString());
        problem.put("title", type.title());
        problem.put("status", type.status().value());
        problem.put("detail", ProblemClassifier.detail(type, error));
        problem.put("instance", exchange.getRequest().getPath().value());
        response.setStatusCode(type.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        try {
            byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
    }

    /** Before Spring Boot's DefaultErrorWebExceptionHandler (order -1). */
    @Override
    public int getOrder() {
        return -2;
    }
}
