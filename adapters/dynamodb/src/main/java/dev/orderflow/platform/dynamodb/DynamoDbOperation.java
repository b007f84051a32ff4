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
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * One DynamoDB operation on one table, as the adapters call it. This class, not the SDK, retries: only it sees every
 * attempt's failure whole, and the answer to "was anything applied?" depends on all of them (ADR 0016). A call:
 * <ul>
 *   <li>makes up to {@value #MAX_ATTEMPTS} attempts, each through the circuit breaker (so every failed attempt counts,
 *       and an open circuit stops the retries), pausing with jitter between them, longer after throttling;</li>
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
    private final Duration callTimeout;
    private final Duration openFor;
    private final Timer succeeded;
    private final Map<Outcome, Timer> failed = new EnumMap<>(Outcome.class);
    private final Map<DynamoDbAttempt, Counter> failedAttempts = new EnumMap<>(DynamoDbAttempt.class);

    /** How a whole call ended, for the timer's {@code outcome} tag. */
    private enum Outcome { CONDITION_FAILED, THROTTLED, UNREACHABLE, CIRCUIT_OPEN, UNKNOWN, REJECTED, ERROR }

    DynamoDbOperation(String operation, String table, MeterRegistry meters, CircuitBreaker circuitBreaker,
                      Duration callTimeout) {
        this.name = operation + " on " + table;
        this.meters = meters;
        this.circuitBreaker = circuitBreaker;
        this.callTimeout = callTimeout;
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
            Timer.Sample sample = Timer.start(meters);
            return attempt
                    .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                    .doOnSubscribe(subscription -> attempts.started())
                    .doOnError(failure -> failedAttempts.get(attempts.failed(failure)).increment())
                    .doOnSuccess(done -> attempts.succeeded())
                    .retryWhen(Retry.from(signals -> signals.concatMap(signal -> pauseOrGiveUp(attempts, signal))))
                    .timeout(callTimeout)
                    .doOnSuccess(done -> sample.stop(succeeded))
                    .onErrorMap(failure -> {
                        Outcome outcome = attempts.outcome(failure);
                        sample.stop(failed.get(outcome));
                        return translate(outcome, failure);
                    });
        });
    }

    private static Mono<Long> pauseOrGiveUp(Attempts attempts, Retry.RetrySignal signal) {
        DynamoDbAttempt last = attempts.last();
        if (signal.totalRetries() + 1 >= MAX_ATTEMPTS || !last.retryable()) {
            return Mono.error(signal.failure());
        }
        long base = last == DynamoDbAttempt.THROTTLED ? BASE_THROTTLED_PAUSE_MILLIS : BASE_PAUSE_MILLIS;
        long ceiling = base << signal.totalRetries();
        return Mono.delay(Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1)));
    }

    private Throwable translate(Outcome outcome, Throwable failure) {
        Throwable error = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return switch (outcome) {
            case CONDITION_FAILED, REJECTED, ERROR -> error;
            case CIRCUIT_OPEN -> new StoreUnavailableException("DynamoDB is unavailable (circuit open)", openFor);
            case THROTTLED -> new StoreUnavailableException(name + " was throttled", RETRY_SOON);
            case UNREACHABLE -> new StoreUnavailableException(name + ": DynamoDB unreachable", RETRY_SOON);
            case UNKNOWN -> new StoreOutcomeUnknownException(name + " failed; its effect is unknown", error);
        };
    }

    /** The attempts of one call so far; attempts run one after another, but on whichever thread completes them. */
    private static final class Attempts {

        private final List<DynamoDbAttempt> failed = new ArrayList<>(MAX_ATTEMPTS);
        private boolean inFlight;

        synchronized void started() {
            inFlight = true;
        }

        synchronized void succeeded() {
            inFlight = false;
        }

        synchronized DynamoDbAttempt failed(Throwable failure) {
            inFlight = false;
            DynamoDbAttempt attempt = DynamoDbAttempt.of(failure);
            failed.add(attempt);
            return attempt;
        }

        synchronized DynamoDbAttempt last() {
            return failed.isEmpty() ? DynamoDbAttempt.OTHER : failed.get(failed.size() - 1);
        }

        /**
         * Nothing was applied only if no attempt may have been: none failed in a way that leaves its effect open,
         * and the budget did not run out with one in flight.
         */
        synchronized Outcome outcome(Throwable failure) {
            boolean timedOutInFlight = failure instanceof TimeoutException && inFlight;
            DynamoDbAttempt last = last();
            if (failed.isEmpty()) {
                return Outcome.UNKNOWN;
            }
            if (timedOutInFlight || !failed.stream().allMatch(DynamoDbAttempt::nothingApplied)) {
                return last == DynamoDbAttempt.OTHER && !timedOutInFlight ? Outcome.ERROR : Outcome.UNKNOWN;
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
