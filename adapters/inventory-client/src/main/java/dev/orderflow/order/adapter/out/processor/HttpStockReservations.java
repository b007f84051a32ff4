package dev.orderflow.order.adapter.out.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.inventory.ReserveStockCommand;
import dev.orderflow.order.port.out.ReservationOutcomeUnknownException;
import dev.orderflow.order.port.out.ReservationsUnavailableException;
import dev.orderflow.order.port.out.StockReservations;
import dev.orderflow.shared.OrderId;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * The inventory reached over HTTP: the processor service. Each call is guarded, from the outside in, by
 * <ul>
 *   <li>a bulkhead: at most so many calls in flight, the rest refused at once instead of queueing;</li>
 *   <li>a retry with backoff and jitter: safe because the processor answers a repeated order id with its first
 *       decision, so a retried reservation never reserves twice;</li>
 *   <li>a circuit breaker around each attempt, so every failed attempt counts and an open circuit also stops the
 *       retries at once; it counts outages only, not a slow or shedding processor ({@link ProcessorOutage});</li>
 *   <li>a timeout per attempt.</li>
 * </ul>
 */
public class HttpStockReservations implements StockReservations {

    private static final Logger log = LoggerFactory.getLogger(HttpStockReservations.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    private final WebClient webClient;
    private final ProcessorEndpoint endpoint;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final Bulkhead bulkhead;
    private final Duration attemptTimeout;
    private final ProcessorAnswers answers;

    public HttpStockReservations(WebClient webClient, ProcessorEndpoint endpoint, CircuitBreaker circuitBreaker,
                                 Retry retry, Bulkhead bulkhead, Duration attemptTimeout) {
        this(webClient, endpoint, circuitBreaker, retry, bulkhead, attemptTimeout, Clock.systemUTC());
    }

    HttpStockReservations(WebClient webClient, ProcessorEndpoint endpoint, CircuitBreaker circuitBreaker,
                          Retry retry, Bulkhead bulkhead, Duration attemptTimeout, Clock clock) {
        this.webClient = webClient;
        this.endpoint = endpoint;
        this.circuitBreaker = circuitBreaker;
        this.retry = retry;
        this.bulkhead = bulkhead;
        this.attemptTimeout = attemptTimeout;
        this.answers = new ProcessorAnswers(clock);
    }

    @Override
    public Mono<ReservationResult> reserve(ReserveStockCommand command) {
        return post("/process-order", command, answers::reservation);
    }

    @Override
    public Mono<ReservationResult> withdraw(ReserveStockCommand command) {
        return post("/withdraw-order", command, answers::withdrawal);
    }

    /** How the answer to a POST about one order is read: from its order id, status and body. */
    private interface AnswerReader {
        Mono<ReservationResult> read(OrderId orderId, int status, JsonNode body);
    }

    private Mono<ReservationResult> post(String path, ReserveStockCommand command, AnswerReader reader) {
        return guarded(base -> webClient.post()
                .uri(base.resolve(path))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(body(command))
                .exchangeToMono(response -> read(response)
                        .flatMap(json -> reader.read(command.orderId(), response.statusCode().value(), json))));
    }

    private static Map<String, Object> body(ReserveStockCommand command) {
        return Map.of(
                "order_id", command.orderId().value(),
                "product_id", command.productId().value(),
                "quantity", command.quantity().value(),
                "customer_id", command.customerId().value());
    }

    @Override
    public Mono<ReservationResult> find(OrderId orderId) {
        return guarded(base -> webClient.get()
                .uri(base.resolve("/reservations/" + orderId.value()))
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .exchangeToMono(response -> read(response)
                        .flatMap(json -> answers.decision(response.statusCode().value(), json))));
    }

    @Override
    public Optional<Duration> knownUnavailableFor() {
        return switch (circuitBreaker.getState()) {
            case OPEN, FORCED_OPEN -> Optional.of(openWait());
            default -> Optional.empty();
        };
    }

    private <T> Mono<T> guarded(Function<URI, Mono<T>> call) {
        Mono<T> attempt = Mono.defer(() -> endpoint.baseUri().flatMap(call))
                .timeout(attemptTimeout, Mono.error(ProcessorFailure::timeout))
                .onErrorMap(HttpStockReservations::isConnectionFailure, ProcessorFailure::unreachable);
        return attempt
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .transformDeferred(RetryOperator.of(retry))
                .transformDeferred(BulkheadOperator.of(bulkhead))
                .onErrorMap(this::translate);
    }

    /**
     * The connection could not be made, or broke: refused, reset, closed before or while the answer was read. It says
     * nothing about the order, and is retried.
     */
    private static boolean isConnectionFailure(Throwable error) {
        return error instanceof WebClientRequestException || error instanceof IOException;
    }

    /** An empty or non-JSON body reads as a missing node; the status alone then decides. */
    private static Mono<JsonNode> read(ClientResponse response) {
        return response.bodyToMono(JsonNode.class)
                .onErrorResume(DecodingException.class, e -> Mono.empty())
                .defaultIfEmpty(MissingNode.getInstance());
    }

    /**
     * Only a call that really failed is logged: refusals by the open circuit or the full bulkhead come by the
     * thousand during an outage and are visible in the Resilience4j metrics instead.
     */
    private Throwable translate(Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return new ReservationsUnavailableException("the processor's circuit is open", openWait(), failure);
        }
        if (failure instanceof BulkheadFullException) {
            return new ReservationsUnavailableException("too many calls to the processor in flight",
                    RETRY_AFTER_FAILURE, failure);
        }
        if (failure instanceof ProcessorFailure processorFailure) {
            log.warn("call to the processor failed: {}", describe(failure));
            // Even a refused last attempt may follow an earlier one that timed out after the processor decided.
            return new ReservationOutcomeUnknownException(processorFailure.getMessage(), failure);
        }
        return failure;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        return failure.getClass().getSimpleName() + ": " + failure.getMessage()
                + (cause == failure ? "" : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")");
    }

    /** Resilience4j does not tell how much of the wait is left, so clients are told the whole wait. */
    private Duration openWait() {
        Long millis = circuitBreaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
        return millis == null ? RETRY_AFTER_FAILURE : Duration.ofMillis(millis);
    }
}
