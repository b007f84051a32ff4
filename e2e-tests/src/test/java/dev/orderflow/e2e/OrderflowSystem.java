package dev.orderflow.e2e;

import dev.orderflow.testsupport.DynamoDbLocal;
import dev.orderflow.testsupport.FreePorts;
import dev.orderflow.testsupport.ServiceProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The services as separate JVMs from their real jars, configured only by environment variables, on DynamoDB
 * Local. Recovery runs every second here so tests do not wait the production interval.
 */
final class OrderflowSystem implements AutoCloseable {

    enum Mode { SPLIT, MONOLITH }

    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Path LOGS = Path.of(System.getProperty("orderflow.logs", "target/service-logs"));

    final Mode mode;
    final DynamoDbLocal dynamoDb;
    final ServiceProcess processor;
    final ServiceProcess gateway;
    final int gatewayPort;
    final int gatewayManagementPort;
    final int processorPort;
    final int processorManagementPort;
    private final Api gatewayApi;
    private final Api gatewayManagement;
    private final Api processorApi;
    private final Api processorManagement;

    private final boolean shipped;

    private OrderflowSystem(Mode mode, DynamoDbLocal dynamoDb, String name, Map<String, String> overrides,
                            int processorPort, boolean shipped) {
        this.mode = mode;
        this.shipped = shipped;
        this.dynamoDb = dynamoDb;
        this.gatewayPort = FreePorts.next();
        this.gatewayManagementPort = FreePorts.next();
        this.processorPort = processorPort;
        this.processorManagementPort = FreePorts.next();
        this.gatewayApi = new Api(URI.create("http://localhost:" + gatewayPort));
        this.gatewayManagement = new Api(URI.create("http://localhost:" + gatewayManagementPort));
        this.processorApi = new Api(URI.create("http://localhost:" + processorPort));
        this.processorManagement = new Api(URI.create("http://localhost:" + processorManagementPort));
        Map<String, String> processorEnvironment = processorEnvironment();
        processorEnvironment.putAll(overrides);
        this.processor = mode == Mode.MONOLITH ? null : new ServiceProcess(name + "-processor",
                jar("orderflow.processor.jar"), processorEnvironment, LOGS, processorManagementPort);
        Map<String, String> gatewayEnvironment = gatewayEnvironment();
        gatewayEnvironment.putAll(overrides);
        this.gateway = new ServiceProcess(name + "-gateway", jar("orderflow.gateway.jar"), gatewayEnvironment,
                LOGS, gatewayManagementPort);
    }

    /** Starts both services (or the monolith) and waits until they are ready. */
    static OrderflowSystem start(Mode mode, DynamoDbLocal dynamoDb, String name) {
        return start(mode, dynamoDb, name, Map.of());
    }

    /** @param overrides environment variables for both services, on top of the defaults above */
    static OrderflowSystem start(Mode mode, DynamoDbLocal dynamoDb, String name, Map<String, String> overrides) {
        OrderflowSystem system = create(mode, dynamoDb, name, overrides);
        if (system.processor != null) {
            system.processor.start(START_TIMEOUT);
        }
        system.gateway.start(START_TIMEOUT);
        return system;
    }

    /** Configured but not started, for tests that control when each process runs. */
    static OrderflowSystem create(Mode mode, DynamoDbLocal dynamoDb, String name, Map<String, String> overrides) {
        return new OrderflowSystem(mode, dynamoDb, name, overrides, FreePorts.next(), false);
    }

    /**
     * Started with the settings the services ship for DynamoDB Local and nothing else: no quicker recovery than a
     * developer's local run has. The other systems run the recovery every second, so that tests do not wait.
     */
    static OrderflowSystem startShipped(Mode mode, DynamoDbLocal dynamoDb, String name, Map<String, String> overrides) {
        OrderflowSystem system = new OrderflowSystem(mode, dynamoDb, name, overrides, FreePorts.next(), true);
        if (system.processor != null) {
            system.processor.start(START_TIMEOUT);
        }
        system.gateway.start(START_TIMEOUT);
        return system;
    }

    Api gatewayApi() {
        return gatewayApi;
    }

    Api gatewayManagement() {
        return gatewayManagement;
    }

    Api processorApi() {
        return processorApi;
    }

    Api processorManagement() {
        return processorManagement;
    }

    /** Where operators restock: the processor, or the gateway itself in monolith mode. */
    Api inventoryApi() {
        return mode == Mode.MONOLITH ? gatewayApi() : processorApi();
    }

    /** As a developer runs the services against DynamoDB Local: with the profile the services ship for it. */
    private Map<String, String> common() {
        Map<String, String> environment = new HashMap<>();
        environment.put("DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString());
        environment.put("AWS_REGION", "us-east-1");
        environment.put("ORDERFLOW_DYNAMODB_CREATE_TABLES", "true");
        environment.put("SPRING_PROFILES_ACTIVE", "dynamodb-local");
        return environment;
    }

    private Map<String, String> processorEnvironment() {
        Map<String, String> environment = common();
        environment.put("SERVER_PORT", Integer.toString(processorPort));
        environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(processorManagementPort));
        return environment;
    }

    private Map<String, String> gatewayEnvironment() {
        Map<String, String> environment = common();
        environment.put("SERVER_PORT", Integer.toString(gatewayPort));
        environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(gatewayManagementPort));
        environment.put("INVENTORY_MODE", mode == Mode.MONOLITH ? "embedded" : "remote");
        environment.put("ORDER_PROCESSOR_URL", "http://localhost:" + processorPort);
        if (shipped) {
            return environment;
        }
        environment.put("ORDERFLOW_RECOVERY_INTERVAL", "1s");
        environment.put("ORDERFLOW_RECOVERY_MINIMUMAGE", "3s");
        return environment;
    }

    private static Path jar(String property) {
        String path = System.getProperty(property);
        if (path == null) {
            throw new IllegalStateException("system property " + property + " is not set (run through Maven)");
        }
        return Path.of(path);
    }

    @Override
    public void close() {
        gateway.stop();
        if (processor != null) {
            processor.stop();
        }
    }
}
