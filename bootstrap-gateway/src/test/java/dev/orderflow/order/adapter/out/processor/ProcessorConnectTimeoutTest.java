package dev.orderflow.order.adapter.out.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.orderflow.DynamoDbLocalSpringTest;
import dev.orderflow.inventory.ReserveStockCommand;
import dev.orderflow.order.port.out.StockReservations;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import dev.orderflow.testsupport.BlackHole;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A processor that takes no connection (a black-holed address, a dead node: a {@link BlackHole}). The wired client
 * gives up connecting inside the attempt, so the failure reads as unreachable, an outage the breaker records; with
 * Reactor Netty's 30 s default connect it would read as an attempt timeout, which the breaker ignores as load.
 */
@SpringBootTest(classes = dev.orderflow.GatewayApplication.class,
        properties = {"orderflow.dynamodb.create-tables=true", "orderflow.recovery.enabled=false",
            "server.port=0", "management.server.port=0"})
class ProcessorConnectTimeoutTest extends DynamoDbLocalSpringTest {

    private static final BlackHole BLACK_HOLE = BlackHole.open();

    @Autowired
    private StockReservations reservations;

    @Autowired
    private CircuitBreakerRegistry circuitBreakers;

    @DynamicPropertySource
    static void processorUrl(DynamicPropertyRegistry registry) {
        registry.add("orderflow.inventory.processor-url", () -> "http://127.0.0.1:" + BLACK_HOLE.port());
    }

    @AfterAll
    static void close() {
        BLACK_HOLE.close();
    }

    @Test
    void aProcessorThatTakesNoConnectionIsAnOutageNotLoad() {
        var breaker = circuitBreakers.circuitBreaker("processor");
        ReserveStockCommand command = new ReserveStockCommand(new OrderId("o-black-hole"), new ProductId("p-1"),
                new Quantity(1), new CustomerId("c-1"));

        Throwable failure = catchThrowable(() -> reservations.reserve(command).block());

        assertThat(failure).isNotNull();
        // The first attempt of a cold client may still run out of time on a busy machine; the later ones connect
        // warm and must be recorded.
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).as("attempts the breaker recorded as outages")
                .isPositive();
    }
}
