package dev.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.e2e.Api.Response;
import dev.orderflow.e2e.OrderflowSystem.Mode;
import dev.orderflow.testsupport.DynamoDbLocal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A burst the services must absorb with the settings they ship with: 400 orders at once, without idempotency keys,
 * over two gateway/processor pairs on one DynamoDB Local; half for a product with 50 in stock, half for one with
 * plenty. Overload is not an outage (ADR 0016): the door sheds what cannot be served in time, nothing is oversold or
 * lost, no client is told "not placed" for an order that is confirmed later, and the DynamoDB breaker never opens.
 */
class BurstIT {

    private static final int ORDERS = 400;
    private static final int AMPLE_REQUESTS = ORDERS / 2;
    private static final long SCARCE_STOCK = 50;
    private static final long AMPLE_STOCK = 1_000_000;
    private static final Map<String, String> EXTRA = System.getProperty("burst.env", "").isBlank() ? Map.of()
            : java.util.Arrays.stream(System.getProperty("burst.env").split(",")).map(kv -> kv.split("="))
                    .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));

    /** One request and its answer; each request has a customer of its own, so its stored order can be found. */
    record Placed(String product, String customer, Response response) {
    }

    @Test
    void fourHundredOrdersAtOnceAreAnsweredTruthfullyAndNothingIsOversoldOrLost() {
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.start();
             OrderflowSystem first = OrderflowSystem.startShipped(Mode.SPLIT, dynamoDb, "burst-1", EXTRA);
             OrderflowSystem second = OrderflowSystem.startShipped(Mode.SPLIT, dynamoDb, "burst-2", EXTRA)) {
            String scarce = stock(first, "scarce", SCARCE_STOCK);
            String ample = stock(first, "ample", AMPLE_STOCK);
            List<Api> gateways = List.of(first.gatewayApi(), second.gatewayApi());

            if (Boolean.getBoolean("burst.warmup")) {
                String warm = stock(first, "warm", AMPLE_STOCK);
                report(burst(gateways, warm, warm));
            }
            long started = System.nanoTime();
            List<Placed> placed = burst(gateways, scarce, ample);
            System.out.println("burst took " + (System.nanoTime() - started) / 1_000_000 + " ms");
            report(placed);
            for (Api management : List.of(first.gatewayManagement(), first.processorManagement())) {
                management.get("/actuator/prometheus").body().lines()
                        .filter(line -> line.startsWith("orderflow_admission") || line.startsWith("orderflow_dynamodb_operation_seconds_sum")
                                || line.startsWith("orderflow_dynamodb_operation_seconds_count") || line.startsWith("http_server_requests_seconds_sum") || line.startsWith("http_server_requests_seconds_count"))
                        .forEach(line -> System.out.println("METRIC " + line));
            }

            assertThat(placed).allSatisfy(BurstIT::isATruthfulAnswer);
            try (Tables tables = new Tables(dynamoDb)) {
                for (String product : List.of(scarce, ample)) {
                    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                            .until(() -> !tables.orderStatuses(product).containsKey("pending"));
                }
                long initial = SCARCE_STOCK;
                for (String product : List.of(scarce, ample)) {
                    long confirmed = tables.orderStatuses(product).getOrDefault("confirmed", 0L);
                    long stock = first.processorApi().get("/inventory/" + product).json().get("stock").asLong();
                    assertThat(stock + confirmed).as("stock + confirmed = initial, for " + product)
                            .isEqualTo(initial);
                    assertThat(tables.reservedUnits(product)).isEqualTo(confirmed);
                    initial = AMPLE_STOCK;
                }
                assertThat(first.processorApi().get("/inventory/" + scarce).json().get("stock").asLong())
                        .as("the scarce product sells out").isZero();
                assertNoOrderToldNotPlacedIsStored(placed, tables, scarce, ample);
            }
            long amplePlaced = placed.stream()
                    .filter(p -> p.product().equals(ample) && p.response().status() == 201).count();
            assertThat(amplePlaced).as("goodput: confirmed at once, of the ample product's requests")
                    .isGreaterThanOrEqualTo(AMPLE_REQUESTS / 2);
            for (OrderflowSystem system : List.of(first, second)) {
                assertThat(Metrics.of(system.gatewayManagement()).sum("resilience4j_circuitbreaker_not_permitted_calls_total",
                        "name", "dynamodb")).as("the gateway's DynamoDB breaker never refused a call").isZero();
                assertThat(Metrics.of(system.processorManagement()).sum(
                        "resilience4j_circuitbreaker_not_permitted_calls_total", "name", "dynamodb"))
                        .as("the processor's DynamoDB breaker never refused a call").isZero();
            }
        }
    }

    private static String stock(OrderflowSystem system, String name, long stock) {
        String product = name + "-" + UUID.randomUUID();
        assertThat(system.processorApi().put("/inventory/" + product,
                "{\"stock\":%d,\"price\":1.00,\"name\":\"%s\"}".formatted(stock, name)).status()).isEqualTo(200);
        return product;
    }

    /** All requests are sent at once, alternating products and gateways; each waits for its own answer. */
    private static List<Placed> burst(List<Api> gateways, String scarce, String ample) {
        List<CompletableFuture<Placed>> inFlight = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String product = i % 2 == 0 ? scarce : ample;
            String customer = "burst-" + i + "-" + UUID.randomUUID();
            String body = "{\"product_id\":\"%s\",\"quantity\":1,\"customer_id\":\"%s\"}".formatted(product, customer);
            inFlight.add(gateways.get((i / 2) % 2).postAsync("/orders", body)
                    .thenApply(response -> new Placed(product, customer, response)));
        }
        return inFlight.stream().map(CompletableFuture::join).toList();
    }

    /**
     * Every answer is one a client can act on: decided (201, 409), stored and decided later (202 with Location), or
     * not placed at all (503 with Retry-After). Never a 500, never a 504.
     */
    private static void isATruthfulAnswer(Placed placed) {
        Response response = placed.response();
        assertThat(response.status()).as(response.body()).isIn(201, 202, 409, 503);
        if (response.status() == 202) {
            assertThat(response.header("Location")).startsWith("/orders/");
        }
        if (response.status() == 503) {
            assertThat(response.header("Retry-After")).isNotBlank();
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    /** "Not placed" must be true: no order of such a request was stored, let alone confirmed. */
    private static void assertNoOrderToldNotPlacedIsStored(List<Placed> placed, Tables tables, String... products) {
        Map<String, String> statusByCustomer = new TreeMap<>();
        for (String product : products) {
            statusByCustomer.putAll(tables.orderStatusesByCustomer(product));
        }
        List<Placed> untruthful = placed.stream()
                .filter(p -> p.response().status() == 503 && statusByCustomer.containsKey(p.customer()))
                .toList();
        assertThat(untruthful).as("orders stored although their client was told 503 (not placed)").isEmpty();
        placed.stream().filter(p -> p.response().status() == 201).forEach(p ->
                assertThat(statusByCustomer.get(p.customer())).as("a 201 order").isEqualTo("confirmed"));
    }

    private static void report(List<Placed> placed) {
        Map<String, Map<Integer, Long>> byProduct = placed.stream().collect(Collectors.groupingBy(
                p -> p.product().substring(0, p.product().indexOf('-')),
                TreeMap::new, Collectors.groupingBy(p -> p.response().status(), TreeMap::new, Collectors.counting())));
        System.out.println("burst of " + ORDERS + " orders answered " + byProduct);
    }
}
