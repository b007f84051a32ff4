package dev.orderflow.local;

import dev.orderflow.testsupport.DynamoDbLocal;
import dev.orderflow.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system on this machine: DynamoDB Local on port 8002, the processor on 8001 and the gateway on 8000
 * (or, with {@code --monolith}, the gateway alone running the inventory in-process). Ctrl-C stops everything.
 */
public final class LocalRun {

    private static final int DYNAMODB_PORT = 8002;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final List<DemoProduct> DEMO_STOCK = List.of(
            new DemoProduct("widget-1", 100, "19.99", "Widget"),
            new DemoProduct("gadget-1", 50, "49.50", "Gadget"),
            new DemoProduct("gizmo-1", 10, "5.00", "Gizmo"));

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        boolean monolith = List.of(args).contains("--monolith");
        Path root = Path.of(System.getProperty("orderflow.root", ".")).toAbsolutePath().normalize();
        Path logs = root.resolve(".local-run");

        DynamoDbLocal dynamoDb = DynamoDbLocal.start(DYNAMODB_PORT);
        Map<String, String> common = Map.of(
                "DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString(),
                "AWS_REGION", "us-east-1",
                "ORDERFLOW_DYNAMODB_CREATE_TABLES", "true",
                // Budgets sized for DynamoDB Local (application-dynamodb-local.yml).
                "SPRING_PROFILES_ACTIVE", "dynamodb-local");
        ServiceProcess processor = monolith ? null : new ServiceProcess("order-processor",
                root.resolve("bootstrap-processor/target/orderflow-processor.jar"), common, logs, 9001);
        ServiceProcess gateway = new ServiceProcess("order-gateway",
                root.resolve("bootstrap-gateway/target/orderflow-gateway.jar"),
                gatewayEnvironment(common, monolith), logs, 9000);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping...");
            gateway.stop();
            if (processor != null) {
                processor.stop();
            }
            dynamoDb.stop();
        }));

        if (processor != null) {
            processor.start(START_TIMEOUT);
            System.out.printf("order-processor ready on http://localhost:8001 in %d ms (log: %s)%n",
                    processor.lastStartup().toMillis(), processor.log());
        }
        gateway.start(START_TIMEOUT);
        System.out.printf("order-gateway %sready on http://localhost:8000 in %d ms (log: %s)%n",
                monolith ? "(monolith, inventory in-process) " : "", gateway.lastStartup().toMillis(), gateway.log());

        seed(URI.create(monolith ? "http://localhost:8000" : "http://localhost:8001"));
        System.out.println("""

                Try:
                  curl -i -X POST localhost:8000/orders -H 'Content-Type: application/json' \\
                       -H 'Idempotency-Key: demo-1' -d '{"product_id":"widget-1","quantity":2,"customer_id":"c-1"}'
                  API docs: http://localhost:8000/swagger-ui.html   metrics: http://localhost:9000/actuator/prometheus
                Ctrl-C stops everything.""");
        new CountDownLatch(1).await();
    }

    private static Map<String, String> gatewayEnvironment(Map<String, String> common, boolean monolith) {
        var environment = new java.util.HashMap<>(common);
        environment.put("INVENTORY_MODE", monolith ? "embedded" : "remote");
        environment.put("ORDER_PROCESSOR_URL", "http://localhost:8001");
        return environment;
    }

    /** Through the inventory's own API, so the demo data passes the same validation as an operator's. */
    private static void seed(URI inventoryApi) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (DemoProduct product : DEMO_STOCK) {
            HttpRequest request = HttpRequest.newBuilder(inventoryApi.resolve("/inventory/" + product.id()))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(product.json()))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("seeding " + product.id() + " failed: " + response.body());
            }
            System.out.printf("seeded %s: stock %d at %s%n", product.id(), product.stock(), product.price());
        }
    }

    private record DemoProduct(String id, int stock, String price, String name) {
        String json() {
            return "{\"stock\":%d,\"price\":%s,\"name\":\"%s\"}".formatted(stock, price, name);
        }
    }
}
