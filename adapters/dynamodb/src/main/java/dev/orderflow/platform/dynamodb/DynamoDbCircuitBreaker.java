package dev.orderflow.platform.dynamodb;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The circuit breaker in front of DynamoDB, one per service (both modules share it in monolith mode: an outage of
 * DynamoDB is an outage for both). Why these values: docs/adr/0012-dynamodb-circuit-breaker.md.
 */
public final class DynamoDbCircuitBreaker {

    public static final String NAME = "dynamodb";

    private DynamoDbCircuitBreaker() {
    }

    /** With the production call budget of 2 s. */
    public static CircuitBreaker create() {
        return CircuitBreaker.of(NAME, config(Duration.ofSeconds(2)));
    }

    /**
     * @param apiCallTimeout the SDK's budget for one call; a call that needed more than half of it was retried or
     *                       nearly timed out, so it counts as slow
     */
    public static CircuitBreakerConfig config(Duration apiCallTimeout) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .slowCallDurationThreshold(apiCallTimeout.dividedBy(2))
                .slowCallRateThreshold(80)
                .waitDurationInOpenState(Duration.ofSeconds(2))
                .permittedNumberOfCallsInHalfOpenState(5)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(DynamoDbCircuitBreaker::isOutage)
                .build();
    }

    /**
     * Only DynamoDB failing counts: no answer at all (refused, reset, timed out) or a server-side error or
     * throttling. A failed condition or a cancelled transaction is DynamoDB working as intended.
     */
    static boolean isOutage(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof SdkClientException) {
            return true;
        }
        return cause instanceof AwsServiceException service
                && (service.statusCode() >= 500 || service.isThrottlingException());
    }
}
