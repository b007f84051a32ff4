package dev.orderflow.order.wiring;

import dev.orderflow.order.port.in.ResolvePendingOrdersUseCase.Failure;
import dev.orderflow.order.port.in.ResolvePendingOrdersUseCase.RecoveryReport;
import dev.orderflow.order.port.in.ResolvePendingOrdersUseCase;
import dev.orderflow.order.port.out.ReservationOutcomeUnknownException;
import dev.orderflow.order.port.out.ReservationsUnavailableException;
import dev.orderflow.platform.store.StoreOutcomeUnknownException;
import dev.orderflow.platform.store.StoreUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the recovery step at a fixed interval for as long as the gateway runs. One run at a time: the next tick
 * waits for the previous run, so a slow inventory cannot pile up runs. Each run is published, for the alerts on
 * orders pending too long and on recovery failing (docs/design.md):
 * <ul>
 *   <li>{@code orderflow.recovery.runs} by {@code outcome} ({@code completed}, {@code failed});</li>
 *   <li>{@code orderflow.recovery.pending}: orders past the minimum age the last run left pending;</li>
 *   <li>{@code orderflow.recovery.oldest.pending.age}: how old the oldest of them was;</li>
 *   <li>{@code orderflow.orders} with outcomes {@code recovered_confirmed} and {@code recovered_rejected}.</li>
 * </ul>
 */
class RecoveryScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecoveryScheduler.class);

    private final ResolvePendingOrdersUseCase recovery;
    private final Duration interval;
    private final Counter completed;
    private final Counter failed;
    private final Counter recoveredConfirmed;
    private final Counter recoveredRejected;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();
    private volatile Disposable running;

    RecoveryScheduler(ResolvePendingOrdersUseCase recovery, Duration interval, MeterRegistry meters) {
        this.recovery = recovery;
        this.interval = interval;
        this.completed = runs(meters, "completed");
        this.failed = runs(meters, "failed");
        this.recoveredConfirmed = meters.counter("orderflow.orders", "outcome", "recovered_confirmed");
        this.recoveredRejected = meters.counter("orderflow.orders", "outcome", "recovered_rejected");
        Gauge.builder("orderflow.recovery.pending", pending, AtomicLong::get)
                .description("Orders past the minimum age that the last recovery run left pending")
                .register(meters);
        TimeGauge.builder("orderflow.recovery.oldest.pending.age", oldestPendingMillis, TimeUnit.MILLISECONDS,
                        AtomicLong::get)
                .description("How old the oldest pending order the last recovery run saw was")
                .register(meters);
    }

    private static Counter runs(MeterRegistry meters, String outcome) {
        return Counter.builder("orderflow.recovery.runs").description("Recovery runs, by outcome")
                .tag("outcome", outcome).register(meters);
    }

    @Override
    public void start() {
        running = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> runOnce(), 1)
                .subscribe();
    }

    /** One run, reported; a run that fails is retried on the next tick. */
    Mono<RecoveryReport> runOnce() {
        return recovery.resolvePendingOrders()
                .doOnNext(this::report)
                .onErrorResume(e -> {
                    failed.increment();
                    log.warn("recovery run failed; pending orders are retried on the next run", e);
                    return Mono.empty();
                });
    }

    private void report(RecoveryReport report) {
        completed.increment();
        recoveredConfirmed.increment(report.confirmed());
        recoveredRejected.increment(report.rejected());
        pending.set(report.stillPending());
        oldestPendingMillis.set(report.oldestPendingAge().toMillis());
        report.failures().forEach(RecoveryScheduler::logFailure);
        if (report.resolved() > 0 || report.stillPending() > 0) {
            log.info("recovery resolved {} pending orders ({} confirmed, {} rejected), {} still pending",
                    report.resolved(), report.confirmed(), report.rejected(), report.stillPending());
        }
    }

    /** A dependency that is down explains itself in a line; anything else is a bug, and its stack trace is kept. */
    private static void logFailure(Failure failure) {
        Throwable error = failure.error();
        if (error instanceof ReservationsUnavailableException || error instanceof ReservationOutcomeUnknownException
                || error instanceof StoreUnavailableException || error instanceof StoreOutcomeUnknownException) {
            log.warn("pending order {} not resolved this run: {}", failure.orderId(), error.getMessage());
        } else {
            log.error("pending order {} could not be resolved", failure.orderId(), error);
        }
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }
}
