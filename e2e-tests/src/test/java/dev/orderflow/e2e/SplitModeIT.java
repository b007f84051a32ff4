package dev.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.e2e.Api.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Gateway and processor as two processes talking HTTP, plus what only the processor's own API shows. */
class SplitModeIT extends OrderFlowEndToEndTest {

    @Override
    OrderflowSystem.Mode mode() {
        return OrderflowSystem.Mode.SPLIT;
    }

    @Test
    void processorAnswersARepeatedOrderIdWithTheFirstResultAndReservesOnce() {
        String product = product(10, "3.00");
        String orderId = UUID.randomUUID().toString();
        String body = "{\"order_id\":\"%s\",\"product_id\":\"%s\",\"quantity\":4,\"customer_id\":\"c-9\"}"
                .formatted(orderId, product);

        Response first = system.processorApi().post("/process-order", body);
        Response repeat = system.processorApi().post("/process-order", body);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("status").asText()).isEqualTo("confirmed");
        assertThat(first.json().get("total_price").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(stock(product)).isEqualTo(6);
        Response reservation = system.processorApi().get("/reservations/" + orderId);
        assertThat(reservation.status()).isEqualTo(200);
        assertThat(reservation.json().get("status").asText()).isEqualTo("confirmed");
        assertThat(system.processorApi().get("/reservations/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    /**
     * The gateway's WebClient carries the W3C trace context to the processor: the processor's request metrics are
     * recorded with a trace id the client sent (an OpenMetrics exemplar). An exemplar is kept for a few seconds
     * before a newer one may replace it, so the client keeps placing traced orders until one shows up.
     */
    @Test
    void propagatesTheClientsTraceToTheProcessor() {
        String product = product(100, "1.00");
        List<String> sent = new CopyOnWriteArrayList<>();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String traceId = UUID.randomUUID().toString().replace("-", "");
            sent.add(traceId);
            assertThat(gateway.post("/orders", order(product, 1),
                    "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").status()).isEqualTo(201);
            String metrics = system.processorManagement().get("/actuator/prometheus",
                    "Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8").body();
            return sent.stream().anyMatch(id -> metrics.contains("trace_id=\"" + id + "\""));
        });
    }

    @Test
    void processorExportsItsOwnMetricsOnItsManagementPort() {
        String product = product(1, "1.00");
        gateway.post("/orders", order(product, 1));

        String metrics = system.processorManagement().get("/actuator/prometheus").body();

        assertThat(metrics)
                .contains("orderflow_dynamodb_operation_seconds_count{application=\"order-processor\"")
                .contains("orderflow_reservations_total{application=\"order-processor\"");
        assertThat(system.gatewayManagement().get("/actuator/prometheus").body())
                .contains("resilience4j_circuitbreaker_state{application=\"order-gateway\",name=\"processor\"")
                .contains("resilience4j_retry_calls_total{application=\"order-gateway\"")
                .contains("resilience4j_bulkhead_available_concurrent_calls{application=\"order-gateway\"");
        assertThat(system.processorApi().get("/actuator/prometheus").status()).isEqualTo(404);
    }
}
