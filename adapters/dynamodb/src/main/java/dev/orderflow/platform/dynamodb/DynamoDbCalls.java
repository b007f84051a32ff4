package dev.orderflow.platform.dynamodb;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * The one way the adapters call DynamoDB: each adapter takes a {@link DynamoDbOperation} per operation and table
 * once, and every call through it is retried, timed, guarded by the circuit breaker, and fails in the terms the
 * ports promise.
 */
public final class DynamoDbCalls {

    public static final String METER = "orderflow.dynamodb.operation";
    public static final String ATTEMPT_FAILURES = "orderflow.dynamodb.attempt.failures";

    private final MeterRegistry meters;
    private final CircuitBreaker circuitBreaker;
    public DynamoDbCalls(MeterRegistry meters, CircuitBreaker circuitBreaker) {
        this.meters = Objects.requireNonNull(meters, "meters");
        this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker");
    }

    public DynamoDbOperation operation(String operation, String table) {
        return new DynamoDbOperation(operation, table, meters, circuitBreaker);
    }
}
