package dev.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.e2e.Api.Response;
import dev.orderflow.testsupport.DynamoDbLocal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Records which DynamoDB operations each service performs on which table, over every path that touches DynamoDB,
 * and holds them equal to infrastructure/terraform/dynamodb-access.json: the file the Terraform's task roles are
 * checked against (terraform-tests), so that a new call in the code fails here until the file, and then the IAM
 * policy, follow.
 */
class DynamoDbAccessIT {

    private static final Path ACCESS = Path.of("../infrastructure/terraform/dynamodb-access.json");
    private static final Pattern CALLS = Pattern.compile("^orderflow_dynamodb_operation_seconds_count\\{"
            + ".*operation=\"([^\"]+)\".*table=\"([^\"]+)\".*} ([0-9.Ee+-]+)$");

    @Test
    void eachServicePerformsExactlyTheOperationsTheTaskRolesAreWrittenFor() throws IOException {
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.start();
             OrderflowSystem system = OrderflowSystem.start(OrderflowSystem.Mode.SPLIT, dynamoDb, "access",
                     Map.of("ORDERFLOW_RECOVERY_MAXIMUMAGE", "20s"));
             Tables tables = new Tables(dynamoDb)) {
            driveEveryPathThatTouchesDynamoDb(system, tables);

            JsonNode expected = new ObjectMapper().readTree(ACCESS.toFile()).get("services");
            assertThat(recorded(system.gatewayManagement(), system.gatewayApi()))
                    .as("order-gateway").isEqualTo(declared(expected.get("order-gateway")));
            assertThat(recorded(system.processorManagement(), system.processorApi()))
                    .as("order-processor").isEqualTo(declared(expected.get("order-processor")));
        }
    }

    private static void driveEveryPathThatTouchesDynamoDb(OrderflowSystem system, Tables tables) {
        Api gateway = system.gatewayApi();
        Api processor = system.processorApi();
        String product = "access-" + UUID.randomUUID();
        assertThat(processor.put("/inventory/" + product, "{\"stock\":5,\"price\":2.00,\"name\":\"Access\"}")
                .status()).isEqualTo(200);
        assertThat(processor.get("/inventory/" + product).status()).isEqualTo(200);

        String key = "access-" + UUID.randomUUID();
        Response placed = gateway.post("/orders", OrderFlowEndToEndTest.order(product, 2), "Idempotency-Key", key);
        assertThat(placed.status()).isEqualTo(201);
        String orderId = placed.json().get("order_id").asText();
        assertThat(gateway.post("/orders", OrderFlowEndToEndTest.order(product, 2), "Idempotency-Key", key).status())
                .isEqualTo(200);
        assertThat(gateway.get("/orders/" + orderId).status()).isEqualTo(200);
        // The transaction's second item: the reservation it put, beside the stock it took from the inventory.
        Response reservation = processor.get("/reservations/" + orderId);
        assertThat(reservation.status()).isEqualTo(200);
        assertThat(reservation.json().get("status").asText()).isEqualTo("confirmed");
        assertThat(processor.get("/inventory/" + product).json().get("stock").asLong()).isEqualTo(3);

        assertThat(gateway.post("/orders", OrderFlowEndToEndTest.order(product, 50)).status()).isEqualTo(409);
        assertThat(gateway.post("/orders", OrderFlowEndToEndTest.order("unknown-" + UUID.randomUUID(), 1)).status())
                .isEqualTo(422);

        // A crashed gateway's pending order, resolved by recovery; and one pending past the maximum age, withdrawn.
        String recovered = UUID.randomUUID().toString();
        String expired = UUID.randomUUID().toString();
        tables.putPendingOrder(recovered, product, 1, Instant.now().minusSeconds(4));
        tables.putPendingOrder(expired, product, 1, Instant.now().minusSeconds(120));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                "confirmed".equals(status(gateway, recovered)) && "rejected".equals(status(gateway, expired)));
        assertThat(gateway.get("/orders/" + expired).json().get("rejection_reason").asText()).isEqualTo("expired");

        for (Api api : new Api[] {gateway, processor}) {
            assertThat(api.get("/health").status()).isEqualTo(200);
            assertThat(api.get("/readyz").status()).isEqualTo(200);
            assertThat(api.get("/livez").status()).isEqualTo(200);
        }
    }

    private static String status(Api gateway, String orderId) {
        Response order = gateway.get("/orders/" + orderId);
        return order.status() == 200 ? order.json().get("status").asText() : null;
    }

    /**
     * Table → operations the service's meters counted, plus DescribeTable on the tables its health indicators
     * name: those probes are not metered (they must keep working while the circuit breaker is open).
     */
    private static Map<String, Set<String>> recorded(Api management, Api application) {
        Map<String, Set<String>> operations = new TreeMap<>();
        management.get("/actuator/prometheus").body().lines()
                .map(CALLS::matcher)
                .filter(Matcher::find)
                .filter(line -> Double.parseDouble(line.group(3)) > 0)
                .forEach(line -> operations.computeIfAbsent(line.group(2), t -> new TreeSet<>()).add(line.group(1)));
        Response readiness = management.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        readiness.json().path("components").forEach(component -> component.path("details").path("tables")
                .forEach(table -> operations.computeIfAbsent(table.asText(), t -> new TreeSet<>()).add("DescribeTable")));
        return operations;
    }

    private static Map<String, Set<String>> declared(JsonNode service) {
        Map<String, Set<String>> operations = new TreeMap<>();
        service.fields().forEachRemaining(table -> {
            Set<String> names = new TreeSet<>();
            table.getValue().get("operations").forEach(operation -> names.add(operation.asText()));
            names.add(table.getValue().get("probe").asText());
            operations.put(table.getKey(), names);
        });
        return operations;
    }
}
