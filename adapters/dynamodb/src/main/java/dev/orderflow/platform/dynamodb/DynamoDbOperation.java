package dev.orderflow.platform.dynamodb;

import dev.orderflow.platform.store.StoreOutcomeUnknownException;
import dev.orderflow.platform.store.StoreUnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * One DynamoDB operation on one table, as the adapters call it. This class, not the SDK, retries: only it sees every
 * attempt's failure whole, and the answer to "was anything applied?" depends on all of them (ADR 0016). A call:
 * <ul>
 *   <li>makes up to {@value #MAX_ATTEMPTS} attempts, each through the circuit breaker (so every failed attempt counts,
 *       and an open circuit stops the retries), pausing with jitter between them, longer after throttling; a call so
 *       takes at most three attempt budgets (the SDK client's) and the pauses, under 0.4 s;</li>
 *   <li>is timed as {@code orderflow.dynamodb.operation} with tags {@code operation}, {@code table} and
 *       {@code outcome}; failed attempts are counted as {@code orderflow.dynamodb.attempt.failures} by {@code kind};
 *       the meters are made once here rather than looked up per call;</li>
 *   <li>fails as the ports promise: {@link StoreUnavailableException} when no attempt applied anything (circuit
 *       open, unreachable, throttled), {@link StoreOutcomeUnknownException} when a write may have been applied, or
 *       DynamoDB's own exception for a failed condition or a request it rejected.</li>
 * </ul>
 * The SDK's eager future becomes a lazy Mono, so nothing is sent before someone subscribes.
 */
public final class DynamoDbOperation {

    static final int MAX_ATTEMPTS = 3;
    private static final Duration RETRY_SOON = Duration.ofSeconds(1);
    private static final long BASE_PAUSE_MILLIS = 25;
    /** DynamoDB asks clients to back off harder from throttling than from other errors. */
    private static final long BASE_THROTTLED_PAUSE_MILLIS = 100;

    private final String name;
    private final MeterRegistry meters;
    private final CircuitBreaker circuitBreaker;
    private final Duration openFor;
    private final Timer succeeded;
    private final Map<Outcome, Timer> failed = new EnumMap<>(Outcome.class);
    private final Map<DynamoDbAttempt, Counter> failedAttempts = new EnumMap<>(DynamoDbAttempt.class);

    /** How a whole call ended, for the timer's {@code outcome} tag. */
    private enum Outcome { CONDITION_FAILED, THROTTLED, UNREACHABLE, CIRCUIT_OPEN, UNKNOWN, REJECTED, ERROR }

    DynamoDbOperation(String operation, String table, MeterRegistry meters, CircuitBreaker circuitBreaker) {
        this.name = operation + " on " + table;
        this.meters = meters;
        this.circuitBreaker = circuitBreaker;
        Long openMillis = circuitBreaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
        this.openFor = openMillis == null ? RETRY_SOON : Duration.ofMillis(openMillis);
        this.succeeded = timer(operation, table, "success");
        for (Outcome outcome : Outcome.values()) {
            failed.put(outcome, timer(operation, table, outcome.name().toLowerCase(Locale.ROOT)));
        }
        for (DynamoDbAttempt attempt : DynamoDbAttempt.values()) {
            failedAttempts.put(attempt, Counter.builder(DynamoDbCalls.ATTEMPT_FAILURES)
                    .description("Failed attempts of DynamoDB calls, by how they failed")
                    .tag("operation", operation)
                    .tag("table", table)
                    .tag("kind", attempt.name().toLowerCase(Locale.ROOT))
                    .register(meters));
        }
    }

    private Timer timer(String operation, String table, String outcome) {
        return Timer.builder(DynamoDbCalls.METER)
                .description("Latency of DynamoDB calls, retries included, by outcome")
                .tag("operation", operation)
                .tag("table", table)
                .tag("outcome", outcome)
                .register(meters);
    }

    public <T> Mono<T> call(Supplier<CompletableFuture<T>> call) {
        return call(Mono.fromFuture(call));
    }

    public <T> Mono<T> call(Mono<T> attempt) {
        return Mono.defer(() -> {
            Attempts attempts = new Attempts();
            long started = meters.config().clock().monotonicTime();
            return attempt(attempt, attempts, 1)
                    .doOnSuccess(done -> succeeded.record(elapsed(started), TimeUnit.NANOSECONDS))
                    .onErrorMap(failure -> {
                        Outcome outcome = attempts.outcome();
                        failed.get(outcome).record(elapsed(started), TimeUnit.NANOSECONDS);
                        return translate(outcome, failure);
                    });
        });
    }

    /**
     * One attempt, through the breaker; on a failure worth another, a pause and the next. Recursion rather than a
     * retry operator keeps the path of a call that succeeds, nearly every call, as short as it was without retries.
     */
    private <T> Mono<T> attempt(Mono<T> attempt, Attempts attempts, int number) {
        return attempt
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .onErrorResume(failure -> {
                    DynamoDbAttempt kind = attempts.failed(failure);
                    failedAttempts.get(kind).increment();
                    if (number >= MAX_ATTEMPTS || !kind.retryable()) {
                        return Mono.error(failure);
                    }
                    return Mono.delay(pause(kind, number)).then(Mono.defer(() -> attempt(attempt, attempts,
                            number + 1)));
                });
    }

    private static Duration pause(DynamoDbAttempt kind, int number) {
        long base = kind == DynamoDbAttempt.THROTTLED ? BASE_THROTTLED_PAUSE_MILLIS : BASE_PAUSE_MILLIS;
        long ceiling = base << (number - 1);
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    private long elapsed(long started) {
        return meters.config().clock().monotonicTime() - started;
    }

    private Throwable translate(Outcome outcome, Throwable failure) {
        Throwable error = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return switch (outcome) {
            case CONDITION_FAILED, REJECTED, ERROR -> error;
            case CIRCUIT_OPEN -> new StoreUnavailableException("DynamoDB is unavailable (circuit open)", openFor);
            case THROTTLED -> new StoreUnavailableException(name + " was throttled", RETRY_SOON);
            case UNREACHABLE -> new StoreUnavailableException(name + ": DynamoDB unreachable", RETRY_SOON);
            case UNKNOWN -> new StoreOutcomeUnknownException(name + " failed; its effect is unknown", error);
        };
    }

    /** The failed attempts of one call; attempts run one after another, on whichever thread completes them. */
    private static final class Attempts {

        private final List<DynamoDbAttempt> failed = new ArrayList<>(MAX_ATTEMPTS);

        synchronized DynamoDbAttempt failed(Throwable failure) {
            DynamoDbAttempt attempt = DynamoDbAttempt.of(failure);
            failed.add(attempt);
            return attempt;
        }

        /** Nothing was applied only if every attempt failed in a way that certainly changed nothing. */
        synchronized Outcome outcome() {
            DynamoDbAttempt last = failed.isEmpty() ? DynamoDbAttempt.OTHER : failed.get(failed.size() - 1);
            if (last == DynamoDbAttempt.OTHER) {
                return Outcome.ERROR;
            }
            if (!failed.stream().allMatch(DynamoDbAttempt::nothingApplied)) {
                return Outcome.UNKNOWN;
            }
            return switch (last) {
                case CONDITION_FAILED -> Outcome.CONDITION_FAILED;
                case REJECTED -> Outcome.REJECTED;
                case CIRCUIT_OPEN -> Outcome.CIRCUIT_OPEN;
                default -> failed.contains(DynamoDbAttempt.THROTTLED) ? Outcome.THROTTLED : Outcome.UNREACHABLE;
            };
        }
    }
}
