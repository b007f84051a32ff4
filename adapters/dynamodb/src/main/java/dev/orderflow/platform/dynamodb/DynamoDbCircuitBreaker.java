package dev.orderflow.platform.dynamodb;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;

/**
 * The circuit breaker in front of DynamoDB, one per service (both modules share it in monolith mode: an outage of
 * DynamoDB is an outage for both). It opens on outages only: connections refused or lost, server errors. Slow
 * calls and throttling are load, not an outage, and never open it (ADR 0016; the values: ADR 0012).
 */
public final class DynamoDbCircuitBreaker {

    public static final String NAME = "dynamodb";
    static final Duration OPEN_FOR = Duration.ofSeconds(2);

    private DynamoDbCircuitBreaker() {
    }

    public static CircuitBreakerConfig config() {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(OPEN_FOR)
                .permittedNumberOfCallsInHalfOpenState(5)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(DynamoDbAttempt::isOutage)
                .build();
    }
}
