package dev.orderflow.platform.dynamodb;

import dev.orderflow.shared.StoreUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The one way the adapters call DynamoDB. Each call is timed as {@code orderflow.dynamodb.operation}
 * (design.md), failures included, and passes a circuit breaker so that, once DynamoDB is known to be down, a
 * request fails in microseconds with {@link StoreUnavailableException} instead of spending the SDK's whole
 * timeout on it. The SDK's eager future becomes a lazy Mono, so nothing is sent before someone subscribes.
 */
public final class DynamoDbCalls {

    public static final String METER = "orderflow.dynamodb.operation";

    private final MeterRegistry meters;
    private final CircuitBreaker circuitBreaker;
    private final Duration retryAfter;
    /** One timer per operation and table, looked up once instead of on every call. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public DynamoDbCalls(MeterRegistry meters, CircuitBreaker circuitBreaker) {
        this.meters = meters;
        this.circuitBreaker = circuitBreaker;
        Long openMillis = circuitBreaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
        this.retryAfter = openMillis == null ? Duration.ofSeconds(1) : Duration.ofMillis(openMillis);
    }

    /** With the production circuit breaker of {@link DynamoDbCircuitBreaker}. */
    public static DynamoDbCalls of(MeterRegistry meters) {
        return new DynamoDbCalls(meters, DynamoDbCircuitBreaker.create());
    }

    public <T> Mono<T> call(String operation, String table, Supplier<CompletableFuture<T>> call) {
        return call(operation, table, Mono.fromFuture(call));
    }

    public <T> Mono<T> call(String operation, String table, Mono<T> call) {
        Timer timer = timers.computeIfAbsent(operation + '\u0000' + table, key -> Timer.builder(METER)
                .description("Latency of DynamoDB calls")
                .tag("operation", operation)
                .tag("table", table)
                .register(meters));
        // The breaker wraps the timed call, so a refused call is not timed: it never reached DynamoDB.
        return Mono.defer(() -> {
                    Timer.Sample sample = Timer.start(meters);
                    return call.doFinally(signal -> sample.stop(timer));
                })
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .onErrorMap(CallNotPermittedException.class, refused -> new StoreUnavailableException(
                        "DynamoDB is unavailable (circuit open)", retryAfter));
    }
}
