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

    private static final Duration ATTEMPT = Duration.ofMillis(300);

    private static DynamoDbLocal dynamoDb;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CircuitBreaker breaker = DynamoDbTestClients.breaker();

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
        try (DynamoDbTestClients clients = DynamoDbTestClients.at(nobodyListens, ATTEMPT)) {
            DynamoDbOrderRepository orders = repository(clients);
            int minimumCalls = breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls();

            List<Throwable> failures = createConcurrently(orders, minimumCalls);
            Throwable refused = catchThrowable(() -> orders.create(order()).block());

            assertThat(failures).hasSize(minimumCalls)
                    .allSatisfy(failure -> assertThat(failure).isInstanceOf(StoreUnavailableException.class));
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
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

            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
            assertThat(timerCount("condition_failed")).isEqualTo(20);
        }
    }

    @Test
    void givenDynamoDbThrottlingEveryRequest_whenCallsFail_thenNothingWasWrittenAndTheCircuitStaysClosed() {
        try (DynamoDbFaultProxy proxy = new DynamoDbFaultProxy(dynamoDb.endpoint());
             DynamoDbTestClients clients = DynamoDbTestClients.at(proxy.endpoint(), ATTEMPT)) {
            DynamoDbOrderRepository orders = repository(clients);
            proxy.throttle(1.0);

            List<Throwable> failures = createConcurrently(orders, 20);

            assertThat(failures).allSatisfy(failure -> assertThat(failure)
                    .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("throttled"));
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
            assertThat(timerCount("throttled")).isEqualTo(20);
            assertThat(attemptFailures("throttled")).as("each call's three attempts were throttled").isEqualTo(60);
            assertThat(proxy.forwardedCount()).as("nothing reached DynamoDB").isZero();
        }
    }

    @Test
    void givenDynamoDbThrottlingSomeRequests_whenCalling_thenTheSdkRetriesMostThroughAndTheCircuitStaysClosed() {
        try (DynamoDbFaultProxy proxy = new DynamoDbFaultProxy(dynamoDb.endpoint());
             DynamoDbTestClients clients = DynamoDbTestClients.at(proxy.endpoint(), Duration.ofSeconds(5))) {
            DynamoDbOrderRepository orders = repository(clients);
            proxy.throttle(0.3);

            List<Throwable> failures = createConcurrently(orders, 40);

            assertThat(failures).allSatisfy(failure -> assertThat(failure)
                    .isInstanceOf(StoreUnavailableException.class));
            assertThat(failures.size()).as("at most the odd call throttled three times running").isLessThan(10);
            assertThat(proxy.throttledCount()).isPositive();
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }

    @Test
    void givenDynamoDbHanging_whenCallsTimeOut_thenTheirEffectIsUnknownAndTheCircuitStaysClosed() {
        try (DynamoDbFaultProxy proxy = new DynamoDbFaultProxy(dynamoDb.endpoint());
             DynamoDbTestClients clients = DynamoDbTestClients.at(proxy.endpoint(), ATTEMPT)) {
            DynamoDbOrderRepository orders = repository(clients);
            proxy.hang();

            List<Throwable> failures = createConcurrently(orders, 20);

            assertThat(failures).hasSize(20).allSatisfy(failure -> assertThat(failure)
                    .isInstanceOf(StoreOutcomeUnknownException.class));
            assertThat(breaker.getState()).as("slow is not down").isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }

    @Test
    void givenDynamoDbAnsweringServerErrors_whenCallsFail_thenTheirEffectIsUnknownAndTheCircuitOpens() {
        try (DynamoDbFaultProxy proxy = new DynamoDbFaultProxy(dynamoDb.endpoint());
             DynamoDbTestClients clients = DynamoDbTestClients.at(proxy.endpoint(), ATTEMPT)) {
            DynamoDbOrderRepository orders = repository(clients);
            proxy.failWithServerErrors();

            List<Throwable> failures = createConcurrently(orders,
                    breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls());

            assertThat(failures).allSatisfy(failure -> assertThat(failure)
                    .isInstanceOf(StoreOutcomeUnknownException.class));
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
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
