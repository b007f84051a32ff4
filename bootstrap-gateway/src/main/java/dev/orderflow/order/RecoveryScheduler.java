package dev.orderflow.order;

import dev.orderflow.order.port.in.ResolvePendingOrdersUseCase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the recovery step at a fixed interval for as long as the gateway runs. One run at a time: the next tick
 * waits for the previous run, so a slow inventory cannot pile up runs.
 */
class RecoveryScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecoveryScheduler.class);

    private final ResolvePendingOrdersUseCase recovery;
    private final Duration interval;
    private final MeterRegistry meters;
    private volatile Disposable running;

    RecoveryScheduler(ResolvePendingOrdersUseCase recovery, Duration interval, MeterRegistry meters) {
        this.recovery = recovery;
        this.interval = interval;
        this.meters = meters;
    }

    @Override
    public void start() {
        running = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> recovery.resolvePendingOrders()
                        .doOnNext(this::report)
                        .onErrorResume(e -> {
                            log.warn("recovery run failed; pending orders are retried on the next run", e);
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    private void report(ResolvePendingOrdersUseCase.RecoveryReport report) {
        meters.counter("orderflow.orders", "outcome", "recovered_confirmed").increment(report.confirmed());
        meters.counter("orderflow.orders", "outcome", "recovered_rejected").increment(report.rejected());
        if (report.resolved() > 0 || report.stillPending() > 0) {
            log.info("recovery resolved {} pending orders ({} confirmed, {} rejected), {} still pending",
                    report.resolved(), report.confirmed(), report.rejected(), report.stillPending());
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
