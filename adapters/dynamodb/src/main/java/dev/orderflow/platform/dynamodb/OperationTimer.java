package dev.orderflow.platform.dynamodb;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Times every DynamoDB call as {@code orderflow.dynamodb.operation} (design.md), failures included, and turns
 * the SDK's eager future into a lazy Mono so that nothing is sent before someone subscribes.
 */
public final class OperationTimer {

    public static final String METER = "orderflow.dynamodb.operation";

    private final MeterRegistry meters;

    public OperationTimer(MeterRegistry meters) {
        this.meters = meters;
    }

    public <T> Mono<T> time(String operation, String table, Supplier<CompletableFuture<T>> call) {
        return time(operation, table, Mono.fromFuture(call));
    }

    public <T> Mono<T> time(String operation, String table, Mono<T> call) {
        Timer timer = Timer.builder(METER)
                .description("Latency of DynamoDB calls")
                .tag("operation", operation)
                .tag("table", table)
                .register(meters);
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return call.doFinally(signal -> sample.stop(timer));
        });
    }
}
