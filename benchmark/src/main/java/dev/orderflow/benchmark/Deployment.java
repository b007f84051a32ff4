package dev.orderflow.benchmark;

import dev.orderflow.benchmark.Benchmark.Mode;
import dev.orderflow.testsupport.DynamoDbLocal;
import dev.orderflow.testsupport.FreePorts;
import dev.orderflow.testsupport.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The services of one mode, started from their jars with production settings against a DynamoDB Local. */
record Deployment(Mode mode, ServiceProcess gateway, ServiceProcess processor, URI gatewayUri, URI inventoryUri,
                  URI gatewayManagement, URI processorManagement) implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    static Deployment start(Mode mode, String name, Path root, Path logs, DynamoDbLocal dynamoDb,
                            List<String> extraJvmFlags) {
        int gatewayPort = FreePorts.next();
        int processorPort = FreePorts.next();
        Map<String, String> common = Map.of("DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString(),
                "AWS_REGION", "us-east-1", "ORDERFLOW_DYNAMODB_CREATE_TABLES", "true");
        ServiceProcess processor = null;
        int processorManagement = FreePorts.next();
        if (mode == Mode.SPLIT) {
            Map<String, String> environment = new HashMap<>(common);
            environment.put("SERVER_PORT", Integer.toString(processorPort));
            environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(processorManagement));
            processor = new ServiceProcess(name + "-processor",
                    root.resolve("bootstrap-processor/target/orderflow-processor.jar"), environment, logs,
                    processorManagement).withExtraJvmFlags(extraJvmFlags).start(START_TIMEOUT);
        }
        Map<String, String> environment = new HashMap<>(common);
        environment.put("SERVER_PORT", Integer.toString(gatewayPort));
        int management = FreePorts.next();
        environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(management));
        environment.put("INVENTORY_MODE", mode == Mode.SPLIT ? "remote" : "embedded");
        environment.put("ORDER_PROCESSOR_URL", "http://localhost:" + processorPort);
        ServiceProcess gateway = new ServiceProcess(name + "-gateway-" + mode.name().toLowerCase(),
                root.resolve("bootstrap-gateway/target/orderflow-gateway.jar"), environment, logs, management)
                .withExtraJvmFlags(extraJvmFlags).start(START_TIMEOUT);
        URI gatewayUri = URI.create("http://localhost:" + gatewayPort);
        return new Deployment(mode, gateway, processor, gatewayUri,
                mode == Mode.SPLIT ? URI.create("http://localhost:" + processorPort) : gatewayUri,
                URI.create("http://localhost:" + management), URI.create("http://localhost:" + processorManagement));
    }

    /** Space-separated JVM flags from a system property; none when it is unset or blank. */
    static List<String> jvmFlags(String property) {
        return Arrays.stream(System.getProperty(property, "").split(" ")).filter(flag -> !flag.isBlank()).toList();
    }

    /** Stocks a product with more units than any run can order. */
    void stock(String product) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        inventoryUri.resolve("/inventory/" + product))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"stock\":1000000000,\"price\":1.00,\"name\":\"Bench\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stocking failed: " + response.body());
        }
    }

    @Override
    public void close() {
        gateway.stop();
        if (processor != null) {
            processor.stop();
        }
    }
}
