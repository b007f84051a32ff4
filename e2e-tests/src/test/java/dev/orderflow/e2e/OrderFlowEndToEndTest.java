package dev.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.e2e.Api.Response;
import dev.orderflow.testsupport.DynamoDbLocal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The client-facing contract of docs/design.md, checked against running services. Each test works on its own
 * product so the tests do not depend on each other's stock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrderFlowEndToEndTest {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final Pattern DYNAMODB_CALLS = Pattern.compile("^orderflow_dynamodb_operation_seconds_count\\{"
            + ".*operation=\"([^\"]+)\".*table=\"([^\"]+)\".*} ([0-9.Ee+-]+)$");

    DynamoDbLocal dynamoDb;
    OrderflowSystem system;
    Api gateway;

    abstract OrderflowSystem.Mode mode();

    @BeforeAll
    void startSystem() {
        dynamoDb = DynamoDbLocal.start();
        system = OrderflowSystem.start(mode(), dynamoDb, mode().name().toLowerCase());
        gateway = system.gatewayApi();
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
    }

    @Test
    void placesAnOrderAndReadsItBack() {
        String product = product(10, "19.99");

        Response placed = gateway.post("/orders", order(product, 3));

        assertThat(placed.status()).isEqualTo(201);
        JsonNode body = placed.json();
        String orderId = body.get("order_id").asText();
        assertThat(placed.header("Location")).isEqualTo("/orders/" + orderId);
        assertThat(body.get("status").asText()).isEqualTo("confirmed");
        assertThat(body.get("product_id").asText()).isEqualTo(product);
        assertThat(body.get("quantity").asInt()).isEqualTo(3);
        assertThat(body.get("customer_id").asText()).isEqualTo("customer-1");
        assertThat(body.get("total_price").decimalValue()).isEqualByComparingTo("59.97");
        assertThat(body.get("processed_at").asText()).isNotBlank();
        assertThat(body.get("created_at").asText()).isNotBlank();

        Response read = gateway.get("/orders/" + orderId);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("status").asText()).isEqualTo("confirmed");
        assertThat(read.json().get("total_price").decimalValue()).isEqualByComparingTo("59.97");
        assertThat(stock(product)).isEqualTo(7);
    }

    @Test
    void postingToTheTrailingSlashPathWorksToo() {
        String product = product(1, "1.00");

        assertThat(gateway.post("/orders/", order(product, 1)).status()).isEqualTo(201);
    }

    @Test
    void refusesAnOrderForMoreThanTheStockAndKeepsItAsRejected() {
        String product = product(2, "5.00");

        Response refused = gateway.post("/orders", order(product, 3));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(refused.json().get("type").asText()).endsWith("/insufficient-stock");
        String orderId = refused.json().get("order_id").asText();
        assertThat(gateway.get("/orders/" + orderId).json().get("status").asText()).isEqualTo("rejected");
        assertThat(stock(product)).isEqualTo(2);
    }

    @Test
    void refusesAnOrderForAnUnknownProduct() {
        Response refused = gateway.post("/orders", order("no-such-product-" + UUID.randomUUID(), 1));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asText()).endsWith("/unknown-product");
    }

    @Test
    void answersUnknownOrdersWith404() {
        Response missing = gateway.get("/orders/" + UUID.randomUUID());

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith(PROBLEM_JSON);
    }

    @Test
    void replaysAnOrderForTheSameIdempotencyKeyAndRefusesTheKeyForAnotherBody() {
        String product = product(10, "2.50");
        String key = "key-" + UUID.randomUUID();

        Response first = gateway.post("/orders", order(product, 2), "Idempotency-Key", key);
        Response again = gateway.post("/orders", order(product, 2), "Idempotency-Key", key);
        Response other = gateway.post("/orders", order(product, 5), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("order_id")).isEqualTo(first.json().get("order_id"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(stock(product)).isEqualTo(8);
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyPlaceOneOrder() {
        String product = product(100, "1.00");
        String key = "race-" + UUID.randomUUID();

        List<Response> responses = IntStream.range(0, 20)
                .mapToObj(i -> gateway.postAsync("/orders", order(product, 4), "Idempotency-Key", key))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isIn(200, 201));
        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSizeLessThanOrEqualTo(1);
        assertThat(responses.stream().map(r -> r.json().get("order_id").asText()).distinct()).hasSize(1);
        assertThat(responses).allSatisfy(r -> assertThat(r.json().get("status").asText()).isEqualTo("confirmed"));
        assertThat(stock(product)).isEqualTo(96);
    }

    @Test
    void refusesBadInputWithAProblemAndChangesNothing() {
        String product = product(5, "1.00");

        List<String> bodies = List.of(
                "{\"product_id\":\"" + product + "\",\"quantity\":0,\"customer_id\":\"c\"}",
                "{\"product_id\":\"" + product + "\",\"quantity\":1.5,\"customer_id\":\"c\"}",
                "{\"product_id\":\"" + product + "\",\"quantity\":\"2\",\"customer_id\":\"c\"}",
                "{\"product_id\":\"" + product + "\",\"quantity\":2}",
                "{\"product_id\":\"\",\"quantity\":2,\"customer_id\":\"c\"}",
                "{not json", "", "[]", "null");
        for (String body : bodies) {
            Response refused = gateway.post("/orders", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.header("Content-Type")).as(body).startsWith(PROBLEM_JSON);
            assertThat(refused.body()).as(body).doesNotContain("Exception", "at dev.", "jackson");
        }
        assertThat(stock(product)).isEqualTo(5);
    }

    @Test
    void resolvesAnOrderThatACrashedGatewayLeftPending() {
        String product = product(5, "2.00");
        String orderId = UUID.randomUUID().toString();
        try (Tables tables = new Tables(dynamoDb)) {
            tables.putPendingOrder(orderId, product, 2, Instant.now().minusSeconds(5));
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                "confirmed".equals(gateway.get("/orders/" + orderId).json().get("status").asText()));
        assertThat(stock(product)).isEqualTo(3);
    }

    @Test
    void reportsHealthOnTheApplicationPortAndMetricsOnlyOnTheManagementPort() {
        product(1, "1.00");
        gateway.post("/orders", order("unknown-" + UUID.randomUUID(), 1));

        assertThat(gateway.get("/health").status()).isEqualTo(200);
        assertThat(gateway.get("/health").json().get("status").asText()).isEqualTo("healthy");
        assertThat(gateway.get("/actuator/prometheus").status()).isEqualTo(404);
        assertThat(system.gatewayManagement().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(system.gatewayManagement().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(gateway.get("/livez").status()).as("liveness for load balancers on the traffic port")
                .isEqualTo(200);
        assertThat(gateway.get("/readyz").status()).isEqualTo(200);
        assertThat(system.gatewayManagement().get("/actuator/info").json().path("inventory").path("mode").asText())
                .isEqualTo(mode() == OrderflowSystem.Mode.MONOLITH ? "embedded" : "remote");
        String metrics = system.gatewayManagement().get("/actuator/prometheus").body();
        assertThat(metrics)
                .contains("orderflow_orders_total{application=\"order-gateway\"")
                .contains("orderflow_admission_limit{application=\"order-gateway\"")
                .contains("orderflow_orders_background_creates{application=\"order-gateway\"")
                .contains("orderflow_orders_background_creates_abandoned_total{application=\"order-gateway\"")
                .contains("orderflow_dynamodb_operation_seconds_count{application=\"order-gateway\"")
                .contains("http_server_requests_seconds_count{application=\"order-gateway\"");
        assertThat(metrics.lines()).as("the state of the DynamoDB circuit breaker (ADR 0012)")
                .anyMatch(line -> line.startsWith("resilience4j_circuitbreaker_state{")
                        && line.contains("name=\"dynamodb\"") && line.contains("state=\"closed\"")
                        && line.endsWith(" 1.0"));
    }

    /** Clients generate code from the OpenAPI document; it must name every answer design.md gives. */
    @Test
    void theOpenApiDocumentDeclaresEveryAnswerOfTheContract() {
        JsonNode paths = gateway.get("/v3/api-docs").json().path("paths");

        JsonNode place = paths.path("/orders").path("post").path("responses");
        assertThat(names(place.fieldNames())).containsExactlyInAnyOrder(
                "200", "201", "202", "400", "409", "413", "415", "422", "503", "500");
        assertThat(place.path("202").path("headers").has("Location")).isTrue();
        assertThat(place.path("503").path("headers").has("Retry-After")).isTrue();
        assertThat(place.path("503").path("content").has(PROBLEM_JSON)).isTrue();
        assertThat(names(paths.path("/orders/{orderId}").path("get").path("responses").fieldNames()))
                .containsExactlyInAnyOrder("200", "404");
    }

    private static List<String> names(java.util.Iterator<String> fields) {
        List<String> list = new java.util.ArrayList<>();
        fields.forEachRemaining(list::add);
        return list;
    }

    /**
     * The cost of an order in DynamoDB calls, the budget the throughput rests on (ADR 0013): the pending order
     * created, the inventory read, one transaction (stock and reservation), the order resolved. No read is spent
     * looking for an earlier order or reservation first; the conditional writes detect those.
     */
    @Test
    void aNewOrderWithAnIdempotencyKeyCostsFourDynamoDbCalls() {
        String product = product(5, "2.00");
        Map<String, Double> before = dynamoDbCalls();

        Response placed = gateway.post("/orders", order(product, 1), "Idempotency-Key", UUID.randomUUID().toString());

        assertThat(placed.status()).isEqualTo(201);
        Map<String, Double> after = dynamoDbCalls();
        Map<String, Double> spent = new TreeMap<>();
        after.forEach((call, count) -> {
            double delta = count - before.getOrDefault(call, 0.0);
            if (delta > 0) {
                spent.put(call, delta);
            }
        });
        assertThat(spent).isEqualTo(Map.of("PutItem orders", 2.0, "GetItem inventory", 1.0,
                "TransactWriteItems inventory", 1.0));
    }

    /** DynamoDB calls per "operation table" over the services of this mode; the recovery job's queries left out. */
    private Map<String, Double> dynamoDbCalls() {
        List<Api> services = mode() == OrderflowSystem.Mode.SPLIT
                ? List.of(system.gatewayManagement(), system.processorManagement())
                : List.of(system.gatewayManagement());
        Map<String, Double> calls = new TreeMap<>();
        for (Api service : services) {
            service.get("/actuator/prometheus").body().lines()
                    .map(DYNAMODB_CALLS::matcher)
                    .filter(Matcher::find)
                    .filter(line -> !line.group(1).equals("Query"))
                    .forEach(line -> calls.merge(line.group(1) + " " + line.group(2),
                            Double.parseDouble(line.group(3)), Double::sum));
        }
        return calls;
    }

    String product(int stock, String price) {
        String product = "product-" + UUID.randomUUID();
        Response stored = system.inventoryApi().put("/inventory/" + product,
                "{\"stock\":%d,\"price\":%s,\"name\":\"Test product\"}".formatted(stock, price));
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        return product;
    }

    long stock(String product) {
        Response item = system.inventoryApi().get("/inventory/" + product);
        assertThat(item.status()).isEqualTo(200);
        return item.json().get("stock").asLong();
    }

    static String order(String product, int quantity) {
        return "{\"product_id\":\"%s\",\"quantity\":%d,\"customer_id\":\"customer-1\"}".formatted(product, quantity);
    }
}
