package dev.orderflow.platform.dynamodb;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Times every DynamoDB call as {@code orderflow.dynamodb.operation} (design.md), failures included, and turns
 * the SDK's eager future into a lazy Mono so that nothing is sent before someone subscribes.
 */
public final class OperationTimer {

    public static final String METER = "orderflow.dynamodb.operation";

    private final MeterRegistry meters;
    /** One timer per operation and table, looked up once instead of on every call. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public OperationTimer(MeterRegistry meters) {
        this.meters = meters;
    }

    public <T> Mono<T> time(String operation, String table, Supplier<CompletableFuture<T>> call) {
        return time(operation, table, Mono.fromFuture(call));
    }

    public <T> Mono<T> time(String operation, String table, Mono<T> call) {
        Timer timer = timers.computeIfAbsent(operation + '\u0000' + table, key -> Timer.builder(METER)
                .description("Latency of DynamoDB calls")
                .tag("operation", operation)
                .tag("table", table)
                .register(meters));
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return call.doFinally(signal -> sample.stop(timer));
        });
    }
}
