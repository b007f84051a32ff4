package dev.orderflow.order.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.orderflow.order.domain.Order;
import dev.orderflow.platform.dynamodb.DynamoDbCalls;
import dev.orderflow.platform.dynamodb.DynamoDbCircuitBreaker;
import dev.orderflow.platform.dynamodb.DynamoDbTestClients;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import dev.orderflow.shared.StoreUnavailableException;
import dev.orderflow.testsupport.DynamoDbLocal;
import dev.orderflow.testsupport.FreePorts;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The breaker in front of DynamoDB: real failures of a real client, no fakes. */
class DynamoDbCircuitBreakerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CircuitBreaker breaker = DynamoDbCircuitBreaker.create();

    @Test
    void givenDynamoDbUnreachable_whenCallsKeepFailing_thenTheCircuitOpensAndCallsAreRefusedUntimed() {
        URI nobodyListens = URI.create("http://localhost:" + FreePorts.next());
        try (DynamoDbTestClients clients = DynamoDbTestClients.at(nobodyListens)) {
            DynamoDbOrderRepository orders = new DynamoDbOrderRepository(clients.enhanced(), "orders",
                    new DynamoDbCalls(meters, breaker));
            int minimumCalls = breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls();

            for (int i = 0; i < minimumCalls; i++) {
                OrderId orderId = new OrderId("o-" + i);
                assertThat(catchThrowable(() -> orders.find(orderId).block()))
                        .isInstanceOf(SdkClientException.class);
            }
            Throwable refused = catchThrowable(() -> orders.find(new OrderId("refused")).block());

            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThat(refused).isInstanceOf(StoreUnavailableException.class);
            assertThat(((StoreUnavailableException) refused).retryAfter()).isEqualTo(Duration.ofSeconds(2));
            assertThat(meters.get(DynamoDbCalls.METER).timer().count()).isEqualTo(minimumCalls);
        }
    }

    @Test
    void givenDynamoDbAnswering_whenConditionsFail_thenTheCircuitStaysClosed() {
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.start();
             DynamoDbTestClients clients = DynamoDbTestClients.at(dynamoDb.endpoint())) {
            OrderTable.createIfMissing(clients.client(), "orders").join();
            DynamoDbOrderRepository orders = new DynamoDbOrderRepository(clients.enhanced(), "orders",
                    new DynamoDbCalls(meters, breaker));
            Order order = Order.pending(new OrderId(UUID.randomUUID().toString()), new ProductId("p-1"),
                    new Quantity(1), new CustomerId("c-1"), Instant.now(), null);

            assertThat(orders.create(order).block()).isTrue();
            for (int i = 0; i < 2 * breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls(); i++) {
                assertThat(orders.create(order).block()).as("a failed create-if-absent condition").isFalse();
            }

            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        }
    }
}
