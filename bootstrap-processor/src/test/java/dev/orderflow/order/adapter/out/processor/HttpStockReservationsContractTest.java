package dev.orderflow.order.adapter.out.processor;

import dev.orderflow.ProcessorApplication;
import dev.orderflow.inventory.application.InventoryService;
import dev.orderflow.inventory.domain.InventoryItem;
import dev.orderflow.inventory.port.out.InventoryRepository;
import dev.orderflow.order.port.out.StockReservations;
import dev.orderflow.order.port.out.StockReservationsContract;
import dev.orderflow.shared.ProductId;
import dev.orderflow.testsupport.DynamoDbLocal;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The HTTP adapter (split mode) against the port's contract, calling the real processor: its web API and use cases on
 * DynamoDB Local, over a real socket. Together with InProcessStockReservationsContractTest it shows the order module
 * gets the same answers however it reaches the inventory.
 */
@SpringBootTest(classes = ProcessorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"orderflow.dynamodb.create-tables=true", "management.server.port=0",
            "spring.profiles.active=dynamodb-local"})
class HttpStockReservationsContractTest extends StockReservationsContract {

    private static final DynamoDbLocal DYNAMODB = DynamoDbLocal.start();

    @LocalServerPort
    private int port;

    @Autowired
    private InventoryService inventory;

    @Autowired
    private InventoryRepository items;

    @DynamicPropertySource
    static void dynamoDbEndpoint(DynamicPropertyRegistry registry) {
        registry.add("orderflow.dynamodb.endpoint", () -> DYNAMODB.endpoint().toString());
    }

    @AfterAll
    static void stopDynamoDb() {
        DYNAMODB.close();
    }

    @Override
    protected StockReservations reservations() {
        return new HttpStockReservations(WebClient.create(),
                new FixedProcessorEndpoint(URI.create("http://localhost:" + port)),
                CircuitBreaker.of("processor", CircuitBreakerConfig.custom().recordException(new ProcessorOutage())
                        .build()),
                Retry.of("processor", RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(50))
                        .retryExceptions(ProcessorFailure.class).build()),
                Bulkhead.ofDefaults("processor"), Duration.ofSeconds(5));
    }

    @Override
    protected void stock(ProductId product, long units) {
        items.save(new InventoryItem(product, units, UNIT_PRICE, "Contract")).block();
    }

    @Override
    protected long stockOf(ProductId product) {
        return inventory.get(product).block().stock();
    }
}
