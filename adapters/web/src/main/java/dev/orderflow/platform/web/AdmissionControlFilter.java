package dev.orderflow.platform.web;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import dev.orderflow.platform.http.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Admission control for the requests that do a service's work (placing or reserving an order). At most a limit of
 * them run at once, and the limit follows their measured latency (Netflix concurrency-limits' AIMD): each request that
 * finishes within the latency target, while the limit is in use, raises it by one; one that takes longer, or that could
 * not be served in full (a 503 from below: throttled or unavailable; a 202: stored but not decided), cuts it by a
 * tenth. So a slowing or throttling dependency shrinks what is let in, and recovery grows it back. Beyond the limit a
 * request waits its turn in a FIFO queue. A request that would not get its turn within the longest wait allowed, by
 * what the queue and the recent latency predict, is refused at once; one whose wait runs out anyway is refused then.
 * Refused means {@code 503 overloaded} with {@code Retry-After}, before any of its work starts, so sending it again is
 * always safe. Why AIMD and these values: ADR 0018.
 */
public class AdmissionControlFilter implements WebFilter, Ordered {

    /**
     * Early, so a shed request costs nothing else; only the cheap 413/415 refusals run first (they need no place).
     * Shed requests still show in http.server.requests: the observation is made around the whole filter chain.
     */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    /**
     * @param initialLimit requests at once before any latency was measured
     * @param minLimit     the limit never goes below this, however slow requests get
     * @param maxLimit     nor above this
     * @param maxQueue     requests waiting at most; one more is refused at once
     * @param maxWait      how long a request may wait for its turn
     * @param latencyTarget how long a request may take once admitted before the limit is cut
     */
    public record Settings(int initialLimit, int minLimit, int maxLimit, int maxQueue, Duration maxWait,
                           Duration latencyTarget) {
        public Settings {
            if (minLimit < 1 || initialLimit < minLimit || maxLimit < initialLimit) {
                throw new IllegalArgumentException("need 1 <= minLimit <= initialLimit <= maxLimit");
            }
            if (maxQueue < 0 || maxWait == null || maxWait.isNegative()) {
                throw new IllegalArgumentException("need maxQueue >= 0 and maxWait >= 0");
            }
            if (latencyTarget == null || latencyTarget.isNegative() || latencyTarget.isZero()) {
                throw new IllegalArgumentException("need a positive latencyTarget");
            }
        }
    }

    private final Predicate<ServerHttpRequest> guarded;
    private final Settings settings;
    private final SimpleLimiter<Void> limiter;
    private final Queue<Waiter> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final ProblemWriter problems;
    private final Map<String, Counter> rejected;
    private final Timer waited;
    /** A moving average of how long admitted requests take, to predict how long a newcomer would wait. */
    private final AtomicLong averageNanos = new AtomicLong();

    public AdmissionControlFilter(Predicate<ServerHttpRequest> guarded, Settings settings, ProblemWriter problems,
                                  MeterRegistry meters) {
        this.guarded = guarded;
        this.settings = settings;
        this.problems = problems;
        this.limiter = SimpleLimiter.newBuilder()
                .named("admission")
                .limit(AIMDLimit.newBuilder()
                        .initialLimit(settings.initialLimit())
                        .minLimit(settings.minLimit())
                        .maxLimit(settings.maxLimit())
                        .timeout(settings.latencyTarget().toNanos(), TimeUnit.NANOSECONDS)
                        .build())
                .build();
        Gauge.builder("orderflow.admission.limit", limiter, SimpleLimiter::getLimit)
                .description("Requests admitted at once, as the adaptive limit stands").register(meters);
        Gauge.builder("orderflow.admission.inflight", limiter, SimpleLimiter::getInflight)
                .description("Requests admitted and running").register(meters);
        Gauge.builder("orderflow.admission.queued", queued, AtomicInteger::get)
                .description("Requests waiting for admission").register(meters);
        this.rejected = Map.of(
                "queue_full", rejectedCounter(meters, "queue_full"),
                "timed_out", rejectedCounter(meters, "timed_out"));
        this.waited = Timer.builder("orderflow.admission.wait")
                .description("How long admitted requests waited for their turn").register(meters);
    }

    private static Counter rejectedCounter(MeterRegistry meters, String reason) {
        return Counter.builder("orderflow.admission.rejected")
                .description("Requests answered 503 overloaded before any of their work started")
                .tag("reason", reason).register(meters);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!guarded.test(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (queue.isEmpty()) {
            Optional<Limiter.Listener> now = limiter.acquire(null);
            if (now.isPresent()) {
                return run(exchange, chain, now.get());
            }
        }
        return waitForTurn()
                .flatMap(listener -> run(exchange, chain, listener))
                .onErrorResume(Overloaded.class, overloaded -> {
                    rejected.get(overloaded.reason).increment();
                    return problems.write(exchange, Problems.of(ProblemType.OVERLOADED,
                            "The service is at capacity; nothing of this request was done. Send it again after "
                                    + "Retry-After.", exchange.getRequest().getPath().value(), Map.of(), RETRY_AFTER));
                });
    }

    private Mono<Void> run(ServerWebExchange exchange, WebFilterChain chain, Limiter.Listener listener) {
        long admitted = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> release(listener, admitted, exchange));
    }

    /**
     * Every finished request is a latency sample. One that could not be served in full counts as dropped, whatever
     * its latency: a 503 from below (the store throttled or is down) or a 202 (stored, but its decision timed out) says
     * the dependencies cannot take more right now.
     */
    private void release(Limiter.Listener listener, long admitted, ServerWebExchange exchange) {
        long took = System.nanoTime() - admitted;
        averageNanos.updateAndGet(average -> average == 0 ? took : average + (took - average) / 8);
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (status != null && (status.value() == 503 || status.value() == 202)) {
            listener.onDropped();
        } else {
            listener.onSuccess();
        }
        admitWaiting();
    }

    /** Little's law: the queue ahead drains at about limit / latency requests per unit of time. */
    private boolean wouldWaitTooLong(int position) {
        long average = averageNanos.get();
        return average > 0
                && position * average / Math.max(1, limiter.getLimit()) > settings.maxWait().toNanos();
    }

    /** Beyond the limit: a place in the queue, refused at once if the wait it predicts is too long. */
    private Mono<Limiter.Listener> waitForTurn() {
        int position = queued.incrementAndGet();
        if (position > settings.maxQueue() || wouldWaitTooLong(position)) {
            queued.decrementAndGet();
            return Mono.error(new Overloaded("queue_full"));
        }
        Waiter waiter = new Waiter(System.nanoTime());
        queue.add(waiter);
        admitWaiting();
        return waiter.turn.asMono()
                .timeout(settings.maxWait())
                .flatMap(place -> waiter.claim(place)
                        ? Mono.just(place) : Mono.<Limiter.Listener>error(new Overloaded("timed_out")))
                .doOnNext(place -> waited.record(Duration.ofNanos(System.nanoTime() - waiter.since)))
                .onErrorMap(TimeoutException.class, timedOut -> {
                    waiter.giveUp();
                    return new Overloaded("timed_out");
                })
                .doOnCancel(waiter::giveUp);
    }

    /** Hands free places to the longest waiting requests, each place to exactly one of them. */
    private void admitWaiting() {
        Waiter next;
        while ((next = queue.peek()) != null) {
            Optional<Limiter.Listener> place = limiter.acquire(null);
            if (place.isEmpty()) {
                return;
            }
            if (queue.remove(next)) {
                queued.decrementAndGet();
            }
            if (!next.admit(place.get())) {
                place.get().onIgnore();
            }
        }
    }

    /**
     * A request waiting for its turn. It moves once from waiting to admitted (holding a place) or gave up, and once
     * from admitted to claimed (the request runs, and releases the place when it ends) or gave up (the place is
     * handed back here): however the timeout, the client and the release race, a place is never lost nor used twice.
     */
    private final class Waiter {

        private static final Object WAITING = new Object();
        private static final Object GAVE_UP = new Object();
        private static final Object CLAIMED = new Object();

        private final long since;
        private final Sinks.One<Limiter.Listener> turn = Sinks.one();
        private final AtomicReference<Object> state = new AtomicReference<>(WAITING);

        private Waiter(long since) {
            this.since = since;
        }

        boolean admit(Limiter.Listener place) {
            if (!state.compareAndSet(WAITING, place)) {
                return false;
            }
            turn.tryEmitValue(place);
            return true;
        }

        boolean claim(Limiter.Listener place) {
            return state.compareAndSet(place, CLAIMED);
        }

        void giveUp() {
            while (true) {
                Object current = state.get();
                if (current == CLAIMED || current == GAVE_UP) {
                    return;
                }
                if (state.compareAndSet(current, GAVE_UP)) {
                    if (current == WAITING) {
                        if (queue.remove(this)) {
                            queued.decrementAndGet();
                        }
                    } else {
                        ((Limiter.Listener) current).onIgnore();
                        admitWaiting();
                    }
                    return;
                }
            }
        }
    }

    /** Refused before any work: never leaves this filter, which answers it. */
    private static final class Overloaded extends RuntimeException {

        private final String reason;

        Overloaded(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }
}
