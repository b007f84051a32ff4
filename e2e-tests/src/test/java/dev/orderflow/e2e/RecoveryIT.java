package dev.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.e2e.Api.Response;
import dev.orderflow.testsupport.DynamoDbLocal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * No order is lost when the processor is away: the gateway keeps the order pending, answers 202 with its location
 * fast, and the recovery step resolves it once the processor is back, well within the 60 s docs/design.md allows.
 */
class RecoveryIT {

    @Test
    void anOrderPlacedWhileTheProcessorIsDownIsConfirmedOnceItIsBack() {
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.start()) {
            OrderflowSystem system = OrderflowSystem.create(OrderflowSystem.Mode.SPLIT, dynamoDb, "recovery", Map.of());
            try (system) {
                String key = "recovery-" + UUID.randomUUID();
                String product = "recoverable-" + UUID.randomUUID();
                stockFiveThenTakeTheProcessorAway(system, product);

                Instant asked = Instant.now();
                Response accepted = system.gatewayApi().post("/orders",
                        OrderFlowEndToEndTest.order(product, 2), "Idempotency-Key", key);
                Duration answeredIn = Duration.between(asked, Instant.now());

                assertThat(accepted.status()).as("stored, decided later").isEqualTo(202);
                assertThat(answeredIn).isLessThan(Duration.ofSeconds(5));
                assertThat(accepted.json().get("status").asText()).isEqualTo("pending");
                String orderId = accepted.json().get("order_id").asText();
                assertThat(accepted.header("Location")).isEqualTo("/orders/" + orderId);
                assertThat(system.gatewayApi().get(accepted.header("Location")).json().get("status").asText())
                        .isEqualTo("pending");

                system.processor.start(OrderflowSystem.START_TIMEOUT);
                Instant back = Instant.now();

                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                        "confirmed".equals(system.gatewayApi().get("/orders/" + orderId).json().get("status").asText()));
                System.out.printf("pending order resolved %d ms after the processor was back%n",
                        Duration.between(back, Instant.now()).toMillis());
                assertThat(system.processorApi().get("/inventory/" + product).json().get("stock").asLong())
                        .isEqualTo(3);
                Response replay = system.gatewayApi().post("/orders", OrderFlowEndToEndTest.order(product, 2),
                        "Idempotency-Key", key);
                assertThat(replay.status()).isEqualTo(200);
                assertThat(replay.json().get("status").asText()).isEqualTo("confirmed");
            }
        }
    }

    /**
     * An order left pending past the maximum age is withdrawn in the processor's ledger over HTTP
     * ({@code POST /withdraw-order}, ADR 0015) and rejected as expired: no stock is taken, then or later.
     */
    @Test
    void anOrderPendingPastTheMaximumAgeIsWithdrawnAndExpiresWithoutTakingStock() throws InterruptedException {
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.start()) {
            OrderflowSystem system = OrderflowSystem.create(OrderflowSystem.Mode.SPLIT, dynamoDb, "expiry",
                    Map.of("ORDERFLOW_RECOVERY_MAXIMUMAGE", "5s"));
            try (system) {
                String key = "expiry-" + UUID.randomUUID();
                String product = "expiring-" + UUID.randomUUID();
                stockFiveThenTakeTheProcessorAway(system, product);
                Response accepted = system.gatewayApi().post("/orders",
                        OrderFlowEndToEndTest.order(product, 2), "Idempotency-Key", key);
                assertThat(accepted.status()).isEqualTo(202);
                String orderId = accepted.json().get("order_id").asText();

                Thread.sleep(6000); // past the maximum age while the processor is still away
                system.processor.start(OrderflowSystem.START_TIMEOUT);

                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                        "rejected".equals(system.gatewayApi().get("/orders/" + orderId).json().get("status").asText()));
                assertThat(system.gatewayApi().get("/orders/" + orderId).json().get("rejection_reason").asText())
                        .isEqualTo("expired");
                Response decision = system.processorApi().get("/reservations/" + orderId);
                assertThat(decision.json().get("rejection_reason").asText()).isEqualTo("expired");
                Response lateReservation = system.processorApi().post("/process-order", """
                        {"order_id":"%s","product_id":"%s","quantity":2,"customer_id":"customer-1"}"""
                        .formatted(orderId, product));
                assertThat(lateReservation.status()).isEqualTo(409);
                assertThat(lateReservation.json().get("type").asText()).endsWith("/order-expired");
                assertThat(system.processorApi().get("/inventory/" + product).json().get("stock").asLong())
                        .isEqualTo(5);
            }
        }
    }

    /** Stocks five units of the product, then starts the gateway while the processor is away. */
    private static void stockFiveThenTakeTheProcessorAway(OrderflowSystem system, String product) {
        system.processor.start(OrderflowSystem.START_TIMEOUT);
        assertThat(system.processorApi().put("/inventory/" + product,
                "{\"stock\":5,\"price\":2.00,\"name\":\"Recovery test\"}").status()).isEqualTo(200);
        system.processor.kill();
        system.gateway.start(OrderflowSystem.START_TIMEOUT);
    }
}
