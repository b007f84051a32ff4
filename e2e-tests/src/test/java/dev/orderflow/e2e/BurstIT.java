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
 * Bursts the services must absorb with the settings they ship for DynamoDB Local (ADR 0019): 400 orders at once,
 * without idempotency keys, over two gateway/processor pairs on one DynamoDB Local; half for a product with 50 in
 * stock, half for one with plenty. Overload is not an outage (ADRs 0016–0018): the door sheds what cannot be served
 * in time, every answer is true (no client is told "not placed" for an order that is stored), nothing is oversold or
 * left pending, and the DynamoDB breakers never open.
 *
 * <p>The first burst hits services that have just started, as a developer's first burst does; the second hits them
 * once they have served that one, as a burst in production does, and must also sell the scarce product out and
 * confirm at once at least half of the orders for the ample one. DynamoDB Local is warmed first: a DynamoDB Local that
 * started a moment ago runs its own code interpreted, many times slower than DynamoDB ever is.
 */
class BurstIT {

    private static final int ORDERS = 400;
    private static final int AMPLE_REQUESTS = ORDERS / 2;
    private static final long SCARCE_STOCK = 50;
    private static final long AMPLE_STOCK = 1_000_000;

    /** One request and its answer; each request has a customer of its own, so its stored order can be found. */
    record Placed(String product, String customer, Response response) {
    }

    @Test
    void burstsOfFourHundredOrdersAreAnsweredTruthfullyAndNothingIsOversoldOrLost() {
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.start();
             OrderflowSystem first = OrderflowSystem.startShipped(Mode.SPLIT, dynamoDb, "burst-1", Map.of());
             OrderflowSystem second = OrderflowSystem.startShipped(Mode.SPLIT, dynamoDb, "burst-2", Map.of());
             Tables tables = new Tables(dynamoDb)) {
            tables.warmUp(3000, 8);
            List<Api> gateways = List.of(first.gatewayApi(), second.gatewayApi());

            Burst cold = burst(first, gateways, "first (services just started)");
            cold.assertTruthfulAndNothingLost(first, tables);

            Burst warm = burst(first, gateways, "second");
            warm.assertTruthfulAndNothingLost(first, tables);
            assertThat(first.processorApi().get("/inventory/" + warm.scarce()).json().get("stock").asLong())
                    .as("the scarce product sells out").isZero();
            assertThat(warm.confirmedAtOnce(warm.ample()))
                    .as("goodput: orders for the ample product confirmed at once, of " + AMPLE_REQUESTS)
                    .isGreaterThanOrEqualTo(AMPLE_REQUESTS / 2);

            for (OrderflowSystem system : List.of(first, second)) {
                for (Api management : List.of(system.gatewayManagement(), system.processorManagement())) {
                    assertThat(Metrics.of(management).sum("resilience4j_circuitbreaker_not_permitted_calls_total",
                            "name", "dynamodb")).as("the DynamoDB breaker never refused a call").isZero();
                }
            }
        }
    }

    private static Burst burst(OrderflowSystem system, List<Api> gateways, String name) {
        String scarce = stock(system, "scarce", SCARCE_STOCK);
        String ample = stock(system, "ample", AMPLE_STOCK);
        List<CompletableFuture<Placed>> inFlight = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < ORDERS; i++) {
            String product = i % 2 == 0 ? scarce : ample;
            String customer = "burst-" + i + "-" + UUID.randomUUID();
            String body = "{\"product_id\":\"%s\",\"quantity\":1,\"customer_id\":\"%s\"}".formatted(product, customer);
            inFlight.add(gateways.get((i / 2) % 2).postAsync("/orders", body)
                    .thenApply(response -> new Placed(product, customer, response)));
        }
        List<Placed> placed = inFlight.stream().map(CompletableFuture::join).toList();
        Burst burst = new Burst(scarce, ample, placed);
        System.out.printf("%s burst of %d orders answered in %d ms: %s%n", name, ORDERS,
                (System.nanoTime() - started) / 1_000_000, burst.answers());
        return burst;
    }

    private static String stock(OrderflowSystem system, String name, long stock) {
        String product = name + "-" + UUID.randomUUID();
        assertThat(system.processorApi().put("/inventory/" + product,
                "{\"stock\":%d,\"price\":1.00,\"name\":\"%s\"}".formatted(stock, name)).status()).isEqualTo(200);
        return product;
    }

    /** The answers to one burst. */
    private record Burst(String scarce, String ample, List<Placed> placed) {

        long confirmedAtOnce(String product) {
            return placed.stream().filter(p -> p.product().equals(product) && p.response().status() == 201).count();
        }

        Map<String, Map<Integer, Long>> answers() {
            return placed.stream().collect(Collectors.groupingBy(
                    p -> p.product().equals(scarce) ? "scarce" : "ample", TreeMap::new,
                    Collectors.groupingBy(p -> p.response().status(), TreeMap::new, Collectors.counting())));
        }

        /**
         * Every answer is one a client can act on, and true: decided (201, 409), stored and decided later (202 with
         * Location), or not stored at all (503 with Retry-After). After recovery nothing is pending, stock + confirmed
         * = initial stock, and no order whose client was told 503 was stored.
         */
        void assertTruthfulAndNothingLost(OrderflowSystem system, Tables tables) {
            assertThat(placed).allSatisfy(p -> {
                Response response = p.response();
                assertThat(response.status()).as(response.body()).isIn(201, 202, 409, 503);
                if (response.status() == 202) {
                    assertThat(response.header("Location")).startsWith("/orders/");
                }
                if (response.status() == 503) {
                    assertThat(response.header("Retry-After")).isNotBlank();
                    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                }
            });
            Map<String, String> statusByCustomer = new TreeMap<>();
            for (String product : List.of(scarce, ample)) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> !tables.orderStatuses(product).containsKey("pending"));
                long initial = product.equals(scarce) ? SCARCE_STOCK : AMPLE_STOCK;
                long confirmed = tables.orderStatuses(product).getOrDefault("confirmed", 0L);
                long stock = system.processorApi().get("/inventory/" + product).json().get("stock").asLong();
                assertThat(stock + confirmed).as("stock + confirmed = initial").isEqualTo(initial);
                assertThat(tables.reservedUnits(product)).isEqualTo(confirmed);
                statusByCustomer.putAll(tables.orderStatusesByCustomer(product));
            }
            assertThat(placed).filteredOn(p -> p.response().status() == 503)
                    .filteredOn(p -> statusByCustomer.containsKey(p.customer()))
                    .as("orders stored although their client was told 503 (not placed)").isEmpty();
            assertThat(placed).filteredOn(p -> p.response().status() == 201)
                    .allSatisfy(p -> assertThat(statusByCustomer.get(p.customer())).isEqualTo("confirmed"));
        }
    }
}
