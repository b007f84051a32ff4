package dev.orderflow.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.testsupport.containers.Podman;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Both service images and DynamoDB Local's, run hardened on a user network, exactly as the deployments run them. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainersIT {

    /** Longer than it takes to drain a request, shorter than the 10 s shutdown phase and podman's stop timeout. */
    private static final Duration HELD_IN_FLIGHT = Duration.ofSeconds(2);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);
    private static final int SIGTERM_EXIT_CODE = 143;

    private static Podman podman;
    private static ContainerSystem system;
    private static String gateway;

    @BeforeAll
    static void startSystem() {
        podman = Images.podman();
        system = ContainerSystem.start(podman);
        gateway = system.startGateway();
    }

    @AfterAll
    static void removeContainers() {
        if (podman != null) {
            podman.close();
        }
    }

    @Test
    @Order(1)
    void gatewayImageCreatesTheTablesWhenGivenCreateTablesAsItsArguments() {
        JsonNode tables = Http.dynamoDb(system.port(system.dynamoDb, ContainerSystem.DYNAMODB_PORT), "ListTables", "{}")
                .json().get("TableNames");

        assertThat(system.createTablesExitCode).isZero();
        assertThat(tables).extracting(JsonNode::asText).containsExactlyInAnyOrder("orders", "inventory", "reservations");
    }

    @Test
    @Order(2)
    void anOrderIsPlacedThroughTheProcessorReachedByNameAndReadBack() {
        int gatewayPort = system.port(gateway, ContainerSystem.GATEWAY_PORT);
        int processorPort = system.port(system.processor, ContainerSystem.PROCESSOR_PORT);
        assertThat(Http.put(processorPort, "/inventory/widget-1", "{\"stock\":10,\"price\":19.99,\"name\":\"Widget\"}")
                .status()).isEqualTo(200);

        Http.Response placed = Http.post(gatewayPort, "/orders",
                "{\"product_id\":\"widget-1\",\"quantity\":3,\"customer_id\":\"c-1\"}");
        String orderId = placed.json().get("order_id").asText();
        Http.Response readBack = Http.get(gatewayPort, "/orders/" + orderId);

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(readBack.status()).isEqualTo(200);
        assertThat(readBack.json().get("status").asText()).isEqualTo("confirmed");
        assertThat(readBack.json().get("total_price").decimalValue()).isEqualByComparingTo("59.97");
        assertThat(Http.get(processorPort, "/inventory/widget-1").json().get("stock").asInt()).isEqualTo(7);
        assertThat(Http.get(gatewayPort, "/health").json().get("status").asText()).isEqualTo("healthy");
    }

    @Test
    @Order(3)
    void probesOnBothPortsAndMetricsOnTheManagementPortOnly() {
        int gatewayPort = system.port(gateway, ContainerSystem.GATEWAY_PORT);
        int managementPort = system.port(gateway, ContainerSystem.GATEWAY_MANAGEMENT_PORT);

        assertThat(Http.get(gatewayPort, "/livez").status()).isEqualTo(200);
        assertThat(Http.get(gatewayPort, "/readyz").status()).isEqualTo(200);
        assertThat(Http.get(managementPort, "/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(Http.get(managementPort, "/actuator/prometheus").body()).contains("application=\"order-gateway\"");
        assertThat(Http.get(gatewayPort, "/actuator/prometheus").status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void everyContainerRunsAsUid10001OnAReadOnlyRootWithoutCapabilities() {
        for (String container : List.of(gateway, system.processor, system.dynamoDb)) {
            Hardening.assertHardened(podman, container);
        }
    }

    @Test
    @Order(5)
    void gatewayAnswersEveryOrderInFlightWhenStoppedWithSigterm() {
        int processorPort = system.port(system.processor, ContainerSystem.PROCESSOR_PORT);
        Http.put(processorPort, "/inventory/gadget-1", "{\"stock\":50,\"price\":5.00,\"name\":\"Gadget\"}");
        String stopping = system.startGateway();
        int port = system.port(stopping, ContainerSystem.GATEWAY_PORT);
        List<SlowRequest> inFlight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inFlight.add(SlowRequest.begin(port, "/orders",
                    "{\"product_id\":\"gadget-1\",\"quantity\":1,\"customer_id\":\"c-" + i + "\"}"));
        }

        List<Http.Response> answers = finishAfterSigterm(stopping, inFlight);
        int exitCode = podman.awaitExit(stopping, EXIT_TIMEOUT);

        assertThat(answers).extracting(Http.Response::status).as(answers.toString()).containsOnly(201);
        int gatewayPort = system.port(gateway, ContainerSystem.GATEWAY_PORT);
        for (Http.Response answer : answers) {
            String orderId = answer.json().get("order_id").asText();
            assertThat(Http.get(gatewayPort, "/orders/" + orderId).json().get("status").asText())
                    .isEqualTo("confirmed");
        }
        assertThat(Http.get(processorPort, "/inventory/gadget-1").json().get("stock").asInt()).isEqualTo(47);
        assertThat(exitCode).isEqualTo(SIGTERM_EXIT_CODE);
        assertThat(podman.logs(stopping)).contains("Graceful shutdown complete");
    }

    @Test
    @Order(6)
    void processorAnswersEveryReservationInFlightWhenStoppedWithSigterm() {
        int port = system.port(system.processor, ContainerSystem.PROCESSOR_PORT);
        Http.put(port, "/inventory/gizmo-1", "{\"stock\":10,\"price\":2.00,\"name\":\"Gizmo\"}");
        List<String> orderIds = new ArrayList<>();
        List<SlowRequest> inFlight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String orderId = UUID.randomUUID().toString();
            orderIds.add(orderId);
            inFlight.add(SlowRequest.begin(port, "/process-order", "{\"order_id\":\"" + orderId
                    + "\",\"product_id\":\"gizmo-1\",\"quantity\":2,\"customer_id\":\"c-" + i + "\"}"));
        }

        List<Http.Response> answers = finishAfterSigterm(system.processor, inFlight);
        int exitCode = podman.awaitExit(system.processor, EXIT_TIMEOUT);
        String log = podman.logs(system.processor);
        podman.startAgain(system.processor);
        system.awaitReady(system.processor, ContainerSystem.PROCESSOR_MANAGEMENT_PORT);
        int restartedPort = system.port(system.processor, ContainerSystem.PROCESSOR_PORT);

        assertThat(answers).extracting(Http.Response::status).as(answers.toString()).containsOnly(200);
        assertThat(orderIds).allSatisfy(orderId ->
                assertThat(Http.get(restartedPort, "/reservations/" + orderId).status()).isEqualTo(200));
        assertThat(Http.get(restartedPort, "/inventory/gizmo-1").json().get("stock").asInt()).isEqualTo(4);
        assertThat(exitCode).isEqualTo(SIGTERM_EXIT_CODE);
        assertThat(log).contains("Graceful shutdown complete");
    }

    /**
     * SIGTERM while the requests wait for their bodies, then the bodies once the service has begun its graceful
     * shutdown (or has exited): a service that dropped them closes their connections without an answer.
     */
    private static List<Http.Response> finishAfterSigterm(String container, List<SlowRequest> inFlight) {
        podman.signal(container, "TERM");
        Instant deadline = Instant.now().plus(EXIT_TIMEOUT);
        while (podman.isRunning(container) && !podman.logs(container).contains("Commencing graceful shutdown")) {
            assertThat(Instant.now()).as("%s reacted to SIGTERM", container).isBefore(deadline);
            Http.sleep(Duration.ofMillis(100));
        }
        Http.sleep(HELD_IN_FLIGHT);
        List<Http.Response> answers = new ArrayList<>();
        for (SlowRequest request : inFlight) {
            answers.add(request.finish());
            request.close();
        }
        return answers;
    }
}
