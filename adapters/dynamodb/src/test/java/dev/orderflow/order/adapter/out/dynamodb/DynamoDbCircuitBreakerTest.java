package dev.orderflow.order.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.orderflow.order.domain.Order;
import dev.orderflow.platform.dynamodb.DynamoDbCalls;
import dev.orderflow.platform.dynamodb.DynamoDbTestClients;
import dev.orderflow.platform.store.StoreOutcomeUnknownException;
import dev.orderflow.platform.store.StoreUnavailableException;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import dev.orderflow.testsupport.DynamoDbFaultProxy;
import dev.orderflow.testsupport.DynamoDbLocal;
import dev.orderflow.testsupport.FreePorts;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The breaker in front of DynamoDB opens on outages only, and every failure reaches the ports in the terms they
 * promise (nothing written, or effect unknown). Real failures of a real client: an address nobody listens on, and
 * DynamoDB Local behind a proxy that throttles, fails or hangs as DynamoDB does.
 */
class DynamoDbCircuitBreakerTest {

    /** For the hanging DynamoDB: every attempt runs out, so it is kept short. */
    private static final Duration ATTEMPT = Duration.ofMillis(300);
    /** For faults answered at once (refused, throttled, 5xx): only a starved machine would reach it. */
    private static final Duration ANSWERED_AT_ONCE = Duration.ofSeconds(5);

    private static DynamoDbLocal dynamoDb;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CircuitBreaker breaker = DynamoDbTestClients.breaker();
    /** Asserted instead of the state, which turns half-open by itself 2 s after opening, on a slow machine too soon. */
    private final List<CircuitBreaker.StateTransition> transitions = new CopyOnWriteArrayList<>();

    {
        breaker.getEventPublisher().onStateTransition(event -> transitions.add(event.getStateTransition()));
    }

    @BeforeAll
    static void startDynamoDb() {
        dynamoDb = DynamoDbLocal.start();
        try (DynamoDbTestClients clients = DynamoDbTestClients.at(dynamoDb.endpoint())) {
            OrderTable.createIfMissing(clients.client(), "orders").join();
        }
    }

    @AfterAll
    static void stopDynamoDb() {
        dynamoDb.close();
    }

    @Test
    void givenDynamoDbUnreachable_whenCallsKeepFailing_thenNothingWasWrittenAndTheCircuitOpens() {
        URI nobodyListens = URI.create("http://localhost:" + FreePorts.next());
        // A refused connect comes back at once; a generous budget keeps a cold client on a loaded machine from
        // timing out first, which would be "effect unknown" rather than the refusal under test.
        try (DynamoDbTestClients clients = DynamoDbTestClients.at(nobodyListens, ANSWERED_AT_ONCE)) {
            DynamoDbOrderRepository orders = repository(clients);
            int minimumCalls = breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls();

            List<Throwable> failures = createConcurrently(orders, minimumCalls);
            Throwable refused = catchThrowable(() -> orders.create(order()).block());

            assertThat(failures).hasSize(minimumCalls)
                    .allSatisfy(failure -> assertThat(failure).isInstanceOf(StoreUnavailableException.class));
            assertThat(transitions).containsExactly(CircuitBreaker.StateTransition.CLOSED_TO_OPEN);
            assertThat(refused).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("circuit open");
            assertThat(((StoreUnavailableException) refused).retryAfter()).isEqualTo(Duration.ofSeconds(2));
            assertThat(attemptFailures("refused")).as("every attempt made was refused").isGreaterThanOrEqualTo(
                    minimumCalls);
        }
    }

    @Test
    void givenDynamoDbAnswering_whenConditionsFail_thenTheCircuitStaysClosed() {
        try (DynamoDbTestClients clients = DynamoDbTestClients.at(dynamoDb.endpoint())) {
            DynamoDbOrderRepository orders = repository(clients);
            Order order = order();

            assertThat(orders.create(order).block()).isTrue();
            for (int i = 0; i < 2 * breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls(); i++) {
                assertThat(orders.create(order).block()).as("a failed create-if-absent condition").isFalse();
            }

            assertThat(transitions).as("the breaker never left closed").isEmpty();
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
            assertThat(timerCount("condition_failed")).isEqualTo(20);
        }
    }

    @Test
    void givenDynamoDbThrottlingEveryRequest_whenCallsFail_thenNothingWasWrittenAndTheCircuitStaysClosed() {
        ProxiedRun run = createBehindProxy(proxy -> proxy.throttle(1.0), ANSWERED_AT_ONCE, 20);

        assertThat(run.failures()).allSatisfy(failure -> assertThat(failure)
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("throttled"));
        assertThat(transitions).as("the breaker never left closed").isEmpty();
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(timerCount("throttled")).isEqualTo(20);
        assertThat(attemptFailures("throttled")).as("each call's three attempts were throttled").isEqualTo(60);
        assertThat(run.forwarded()).as("nothing reached DynamoDB").isZero();
    }

    @Test
    void givenDynamoDbThrottlingSomeRequests_whenCalling_thenTheRetriesCarryMostThroughAndTheCircuitStaysClosed() {
        ProxiedRun run = createBehindProxy(proxy -> proxy.throttle(0.3), Duration.ofSeconds(5), 40);

        assertThat(run.failures()).allSatisfy(failure -> assertThat(failure)
                .isInstanceOf(StoreUnavailableException.class));
        assertThat(run.failures().size()).as("at most the odd call throttled three times running").isLessThan(10);
        assertThat(run.throttled()).isPositive();
        assertThat(transitions).as("the breaker never left closed").isEmpty();
    }

    @Test
    void givenDynamoDbHanging_whenCallsTimeOut_thenTheirEffectIsUnknownAndTheCircuitStaysClosed() {
        ProxiedRun run = createBehindProxy(DynamoDbFaultProxy::hang, ATTEMPT, 20);

        assertThat(run.failures()).hasSize(20).allSatisfy(failure -> assertThat(failure)
                .isInstanceOf(StoreOutcomeUnknownException.class));
        assertThat(transitions).as("slow is not down").isEmpty();
    }

    @Test
    void givenDynamoDbAnsweringServerErrors_whenCallsFail_thenTheirEffectIsUnknownAndTheCircuitOpens() {
        ProxiedRun run = createBehindProxy(DynamoDbFaultProxy::failWithServerErrors, ANSWERED_AT_ONCE,
                breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls());

        assertThat(run.failures()).allSatisfy(failure -> assertThat(failure)
                .isInstanceOf(StoreOutcomeUnknownException.class));
        assertThat(transitions).startsWith(CircuitBreaker.StateTransition.CLOSED_TO_OPEN);
    }

    /** What concurrent creates through a faulty proxy came to, and what the proxy let through. */
    private record ProxiedRun(List<Throwable> failures, long forwarded, long throttled) {
    }

    private ProxiedRun createBehindProxy(Consumer<DynamoDbFaultProxy> fault, Duration attemptTimeout, int calls) {
        try (DynamoDbFaultProxy proxy = new DynamoDbFaultProxy(dynamoDb.endpoint());
             DynamoDbTestClients clients = DynamoDbTestClients.at(proxy.endpoint(), attemptTimeout)) {
            fault.accept(proxy);
            List<Throwable> failures = createConcurrently(repository(clients), calls);
            return new ProxiedRun(failures, proxy.forwardedCount(), proxy.throttledCount());
        }
    }

    private DynamoDbOrderRepository repository(DynamoDbTestClients clients) {
        return new DynamoDbOrderRepository(clients.enhanced(), "orders",
                new DynamoDbCalls(meters, breaker));
    }

    /** Calls in parallel, as a service under load makes them; returns the failures. */
    private static List<Throwable> createConcurrently(DynamoDbOrderRepository orders, int calls) {
        return Flux.range(0, calls)
                .flatMap(i -> orders.create(order()).then(Mono.<Throwable>empty()).onErrorResume(Mono::just), calls)
                .collectList()
                .block();
    }

    private double attemptFailures(String kind) {
        return meters.find(DynamoDbCalls.ATTEMPT_FAILURES).tag("kind", kind).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private double timerCount(String outcome) {
        return meters.find(DynamoDbCalls.METER).tag("outcome", outcome).timers().stream()
                .mapToLong(timer -> timer.count()).sum();
    }

    private static Order order() {
        return Order.pending(new OrderId(UUID.randomUUID().toString()), new ProductId("p-1"), new Quantity(1),
                new CustomerId("c-1"), Instant.now(), null);
    }
}
