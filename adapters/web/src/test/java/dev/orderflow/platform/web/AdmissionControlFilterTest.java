package dev.orderflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The admission filter's queue and limit, driven by requests whose work the test finishes at will: who is admitted,
 * who waits, who is refused and how, and that no place is ever lost however requests end.
 */
class AdmissionControlFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** Each admitted request's work: it ends when the test completes its sink. */
    private final List<Sinks.Empty<Void>> work = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();
    private final WebFilterChain chain = exchange -> {
        Sinks.Empty<Void> done = Sinks.empty();
        synchronized (work) {
            work.add(done);
        }
        started.incrementAndGet();
        return done.asMono();
    };

    @Test
    void givenPlacesFree_whenRequestsArrive_thenTheyRunAtOnce() {
        AdmissionControlFilter filter = filter(2, 10, Duration.ofSeconds(5));

        List<Outcome> outcomes = List.of(send(filter), send(filter));

        assertThat(started).hasValue(2);
        assertThat(gauge("orderflow.admission.inflight")).isEqualTo(2);
        finishAll();
        assertThat(outcomes).allMatch(Outcome::completed);
        assertThat(gauge("orderflow.admission.inflight")).isZero();
    }

    @Test
    void givenTheLimitReached_whenMoreArrive_thenTheyWaitAndAreAdmittedInOrderAsPlacesFreeUp() {
        AdmissionControlFilter filter = filter(1, 10, Duration.ofSeconds(5));
        Outcome first = send(filter);
        Outcome second = send(filter);
        Outcome third = send(filter);

        assertThat(started).hasValue(1);
        assertThat(gauge("orderflow.admission.queued")).isEqualTo(2);
        finish(0);
        assertThat(first.completed()).isTrue();
        assertThat(started).as("the longest waiting is admitted").hasValue(2);
        finish(1);
        assertThat(second.completed()).isTrue();
        finish(2);
        assertThat(third.completed()).isTrue();
        assertThat(meters.get("orderflow.admission.wait").timer().count()).isEqualTo(2);
        assertThat(gauge("orderflow.admission.queued")).isZero();
    }

    @Test
    void givenAFullQueue_whenOneMoreArrives_thenItIsRefusedAtOnceAsOverloadedWithRetryAfter() {
        AdmissionControlFilter filter = filter(1, 1, Duration.ofSeconds(5));
        send(filter);
        send(filter);

        Outcome refused = send(filter);

        assertThat(refused.exchange().getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.exchange().getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(refused.exchange().getResponse().getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refused.body()).contains("https://orderflow.dev/problems/overloaded");
        assertThat(started).as("its work never started").hasValue(1);
        assertThat(meters.get("orderflow.admission.rejected").tag("reason", "queue_full").counter().count())
                .isEqualTo(1);
    }

    @Test
    void givenAWaitThatRunsOut_whenNoPlaceFreesUp_thenTheRequestIsRefusedAndItsPlaceInTheQueueIsGiven() {
        AdmissionControlFilter filter = filter(1, 10, Duration.ofMillis(50));
        send(filter);

        Outcome waiting = send(filter);
        waiting.awaitTermination();

        assertThat(waiting.exchange().getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(meters.get("orderflow.admission.rejected").tag("reason", "timed_out").counter().count())
                .isEqualTo(1);
        assertThat(gauge("orderflow.admission.queued")).isZero();
        finish(0);
        Outcome next = send(filter);
        assertThat(started).as("the timed-out request left no place behind").hasValue(2);
        finish(1);
        assertThat(next.completed()).isTrue();
    }

    @Test
    void givenAClientThatLeavesWhileWaiting_whenAPlaceFreesUp_thenTheNextWaitingRequestGetsIt() {
        AdmissionControlFilter filter = filter(1, 10, Duration.ofSeconds(5));
        send(filter);
        Outcome leaving = send(filter);
        Outcome staying = send(filter);

        leaving.subscription().dispose();
        finish(0);

        assertThat(started).hasValue(2);
        finish(1);
        assertThat(staying.completed()).isTrue();
        assertThat(gauge("orderflow.admission.inflight")).isZero();
    }

    @Test
    void givenRequestsThatCouldNotBeServedInFull_whenTheyFinish_thenTheLimitIsCut() {
        AdmissionControlFilter filter = filter(10, 10, Duration.ofSeconds(5));
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            outcomes.add(send(filter));
        }

        for (int i = 0; i < 10; i++) {
            outcomes.get(i).exchange().getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
            finish(i);
        }

        assertThat(gauge("orderflow.admission.limit")).isLessThan(10).isGreaterThanOrEqualTo(2);
    }

    @Test
    void givenARequestOutsideTheGuardedRoutes_whenItArrives_thenItIsNeverQueued() {
        AdmissionControlFilter filter = filter(1, 0, Duration.ofSeconds(5));
        send(filter);

        MockServerWebExchange read = MockServerWebExchange.from(MockServerHttpRequest.get("/orders/o-1"));
        filter.filter(read, exchange -> Mono.empty()).block(Duration.ofSeconds(1));

        assertThat(read.getResponse().getStatusCode()).isNull();
    }

    private AdmissionControlFilter filter(int limit, int maxQueue, Duration maxWait) {
        return new AdmissionControlFilter(request -> request.getMethod() == HttpMethod.POST,
                new AdmissionControlFilter.Settings(limit, Math.min(2, limit), limit, maxQueue, maxWait,
                        Duration.ofSeconds(1)),
                new ProblemWriter(Jackson2ObjectMapperBuilder.json().build()), meters);
    }

    private Outcome send(AdmissionControlFilter filter) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/orders"));
        Sinks.Empty<Void> ended = Sinks.empty();
        Disposable subscription = filter.filter(exchange, chain)
                .subscribe(null, error -> ended.tryEmitError(error), ended::tryEmitEmpty);
        return new Outcome(exchange, ended, subscription);
    }

    private void finish(int index) {
        Sinks.Empty<Void> done;
        synchronized (work) {
            done = work.get(index);
        }
        done.tryEmitEmpty();
    }

    private void finishAll() {
        for (int i = 0; i < work.size(); i++) {
            finish(i);
        }
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private record Outcome(MockServerWebExchange exchange, Sinks.Empty<Void> ended, Disposable subscription) {

        boolean completed() {
            return ended.asMono().toFuture().isDone();
        }

        void awaitTermination() {
            ended.asMono().block(Duration.ofSeconds(5));
        }

        String body() {
            awaitTermination();
            return exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(1));
        }
    }
}
