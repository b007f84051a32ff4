package dev.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.e2e.Api.Response;
import dev.orderflow.testsupport.DynamoDbLocal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The earlier services oversold under concurrency. Here two gateway/processor pairs share one DynamoDB and 200
 * orders race for 50 units: exactly 50 are confirmed, the stock ends at zero, and every order is accounted for.
 */
class ConcurrencyIT {

    /**
     * DynamoDB Local on this machine answers a burst of 200 contended transactions in seconds, which the circuit
     * breaker would rightly count as slow calls; this test is about correctness, so the slow-call limit is raised.
     */
    private static final Map<String, String> PATIENT = Map.of(
            "RESILIENCE4J_CIRCUITBREAKER_INSTANCES_PROCESSOR_SLOWCALLDURATIONTHRESHOLD", "30s");

    @Test
    void twoHundredConcurrentOrdersThroughTwoPairsSellExactlyTheStock() {
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.start();
             OrderflowSystem first = OrderflowSystem.start(OrderflowSystem.Mode.SPLIT, dynamoDb, "pair-1", PATIENT);
             OrderflowSystem second = OrderflowSystem.start(OrderflowSystem.Mode.SPLIT, dynamoDb, "pair-2", PATIENT)) {
            String product = "contended-" + UUID.randomUUID();
            assertThat(first.processorApi().put("/inventory/" + product,
                    "{\"stock\":50,\"price\":1.25,\"name\":\"Contended\"}").status()).isEqualTo(200);
            List<Api> gateways = List.of(first.gatewayApi(), second.gatewayApi());

            List<Response> responses = IntStream.range(0, 200)
                    .mapToObj(i -> gateways.get(i % 2).postAsync("/orders",
                            OrderFlowEndToEndTest.order(product, 1)))
                    .toList().stream().map(CompletableFuture::join).toList();

            Map<Integer, Long> byStatus = responses.stream()
                    .collect(Collectors.groupingBy(Response::status, Collectors.counting()));
            System.out.println("200 concurrent orders for 50 units answered " + byStatus);
            responses.stream().filter(r -> r.status() >= 500).limit(2).forEach(r -> System.out.println(r.body()));
            assertThat(byStatus).containsOnlyKeys(201, 409).containsEntry(201, 50L);
            List<String> orderIds = responses.stream().map(r -> r.json().get("order_id").asText()).toList();
            await().atMost(Duration.ofSeconds(60)).until(() -> statuses(gateways.get(0), orderIds).get("pending") == null);

            Map<String, Long> stored = statuses(gateways.get(1), orderIds);
            long stock = second.processorApi().get("/inventory/" + product).json().get("stock").asLong();
            assertThat(stock).isZero();
            assertThat(stored).containsEntry("confirmed", 50L).containsEntry("rejected", 150L);
            assertThat(50 - stock).isEqualTo(stored.get("confirmed"));
        }
    }

    private static Map<String, Long> statuses(Api gateway, List<String> orderIds) {
        return orderIds.stream()
                .map(id -> gateway.get("/orders/" + id).json().get("status").asText())
                .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
    }
}
