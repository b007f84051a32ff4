package dev.orderflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The task definitions give each service what it reads (design.md, application.yml): its environment, its ports,
 * health paths that exist, a stop timeout longer than its graceful shutdown, memory above what it was measured to
 * use; and run it read-only, non-root, in bridge mode.
 */
class TaskDefinitionTest {

    private static JsonNode call(String service) {
        return TerraformTree.infrastructure().module("modules/orderflow").call(service);
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> environment = new TreeMap<>();
        call(service).get("environment").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        return environment;
    }

    @ParameterizedTest
    @CsvSource({"gateway, bootstrap-gateway", "processor, bootstrap-processor"})
    void theEnvironmentHoldsOnlyVariablesTheServiceReadsAndNoLocalOnes(String service, String bootstrap) {
        Map<String, String> environment = environment(service);

        assertThat(Contract.environmentOf(service)).containsAll(environment.keySet());
        assertThat(environment).doesNotContainKeys("DYNAMODB_ENDPOINT", "ORDERFLOW_DYNAMODB_CREATE_TABLES",
                "JAVA_TOOL_OPTIONS");
        assertThat(environment.get("AWS_REGION")).isEqualTo("${data.aws_region.current.region}");
        assertThat(environment.get("SERVER_PORT"))
                .isEqualTo(Integer.toString(Contract.portDefault(bootstrap, "server.port")))
                .isEqualTo(call(service).get("container_port").asText());
        assertThat(environment.get("MANAGEMENT_SERVER_PORT"))
                .isEqualTo(Integer.toString(Contract.portDefault(bootstrap, "management.server.port")))
                .isEqualTo(call(service).get("management_port").asText());
    }

    @Test
    void theGatewayFindsItsTableAndTheProcessorThroughCloudMapSrv() {
        Map<String, String> gateway = environment("gateway");

        assertThat(gateway).containsOnlyKeys("AWS_REGION", "ORDERS_TABLE", "INVENTORY_MODE", "SRV_ENDPOINT",
                "SERVER_PORT", "MANAGEMENT_SERVER_PORT");
        assertThat(gateway.get("ORDERS_TABLE")).isEqualTo("${module.tables.table_names.orders}");
        assertThat(gateway.get("INVENTORY_MODE")).isEqualTo("remote");
        assertThat(gateway.get("SRV_ENDPOINT"))
                .isEqualTo("${module.processor.srv_record_name}.${aws_service_discovery_private_dns_namespace.this.name}");
        assertThat(call("processor").at("/discovery/namespace_id").asText())
                .isEqualTo("${aws_service_discovery_private_dns_namespace.this.id}");
        JsonNode srv = TerraformTree.infrastructure().module("modules/ecs-service")
                .resource("aws_service_discovery_service", "this");
        assertThat(srv.at("/dns_config/0/dns_records/0/type").asText()).isEqualTo("SRV");
    }

    @Test
    void theProcessorGetsItsTwoTables() {
        Map<String, String> processor = environment("processor");

        assertThat(processor).containsOnlyKeys("AWS_REGION", "INVENTORY_TABLE", "RESERVATIONS_TABLE", "SERVER_PORT",
                "MANAGEMENT_SERVER_PORT");
        assertThat(processor.get("INVENTORY_TABLE")).isEqualTo("${module.tables.table_names.inventory}");
        assertThat(processor.get("RESERVATIONS_TABLE")).isEqualTo("${module.tables.table_names.reservations}");
    }

    /**
     * With dynamic host ports the ALB can only check the traffic port: /livez there is the liveness group on the
     * management port (add-additional-paths), which no dependency outage fails (ADR 0040).
     */
    @Test
    void healthChecksUsePathsTheServicesServe() {
        assertThat(call("gateway").at("/load_balancer/health_check_path").asText()).isEqualTo("/livez");
        assertThat(Contract.setting("bootstrap-gateway", "management.endpoint.health.group.liveness.include"))
                .isEqualTo("livenessState");
        for (String bootstrap : new String[] {"bootstrap-gateway", "bootstrap-processor"}) {
            assertThat(Contract.setting(bootstrap, "management.endpoint.health.probes.add-additional-paths"))
                    .as(bootstrap).isEqualTo(true);
            assertThat(Contract.setting(bootstrap, "management.endpoint.health.probes.enabled")).isEqualTo(true);
        }
        assertThat(ContainerHealthCheckTest.commandInTheHcl()).startsWith("CMD").endsWith("dev.orderflow.LivenessProbe",
                "${var.management_port}");
        JsonNode targetGroup = TerraformTree.infrastructure().module("modules/ecs-service")
                .resource("aws_lb_target_group", "this");
        assertThat(targetGroup.at("/health_check/0/path").asText()).isEqualTo("${var.load_balancer.health_check_path}");
        assertThat(targetGroup.at("/health_check/0/port").asText()).isEqualTo("traffic-port");
        assertThat(targetGroup.get("deregistration_delay").asInt()).isLessThanOrEqualTo(30);
    }

    @Test
    void containersRunReadOnlyNonRootInBridgeModeOnDynamicHostPorts() {
        TerraformTree.Module module = TerraformTree.infrastructure().module("modules/ecs-service");
        JsonNode container = module.locals.get("container");
        JsonNode task = module.resource("aws_ecs_task_definition", "this");

        assertThat(task.get("network_mode").asText()).isEqualTo("bridge");
        assertThat(task.get("requires_compatibilities").toString()).isEqualTo("[\"EC2\"]");
        assertThat(task.get("container_definitions").asText()).isEqualTo("${jsonencode([local.container])}");
        assertThat(container.get("user").asText()).isEqualTo("10001:10001");
        assertThat(container.get("readonlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/linuxParameters/tmpfs/0/containerPath").asText()).isEqualTo("/tmp");
        assertThat(container.at("/portMappings/0/containerPort").asText()).isEqualTo("${var.container_port}");
        assertThat(container.at("/portMappings/0/hostPort").asInt()).isZero();
        assertThat(container.get("portMappings").size()).as("the management port stays inside the container").isEqualTo(1);
        assertThat(container.get("environment").asText()).contains("var.environment");
    }

    @Test
    void theStopTimeoutOutlastsTheGracefulShutdownPhase() {
        TerraformTree.Module module = TerraformTree.infrastructure().module("modules/ecs-service");
        int stopTimeout = module.variables.get("stop_timeout").get("default").asInt();

        assertThat(module.locals.get("container").get("stopTimeout").asText()).isEqualTo("${var.stop_timeout}");
        for (String bootstrap : new String[] {"bootstrap-gateway", "bootstrap-processor"}) {
            Duration phase = Duration.parse("PT" + Contract.setting(bootstrap,
                    "spring.lifecycle.timeout-per-shutdown-phase").toString().toUpperCase());
            assertThat(Duration.ofSeconds(stopTimeout)).as(bootstrap).isGreaterThan(phase);
        }
    }

    @Test
    void memoryIsReservedAboveTheMeasuredPeakAndCappedAboveTheReservation() {
        JsonNode locals = TerraformTree.infrastructure().module("modules/orderflow").locals;
        int reservation = locals.get("memory_reservation").asInt();
        int limit = locals.get("memory_limit").asInt();

        assertThat(reservation).isGreaterThanOrEqualTo(Math.max(Contract.peakRssMiB("gateway"), Contract.peakRssMiB("processor")));
        assertThat(limit).isGreaterThan(reservation);
        assertThat(3 * reservation).as("three tasks fit one t3.micro (about 900 MiB for tasks)").isLessThanOrEqualTo(900);
        for (String service : Set.of("gateway", "processor")) {
            assertThat(call(service).get("memory_reservation").asText()).isEqualTo("${local.memory_reservation}");
            assertThat(call(service).get("memory").asText()).isEqualTo("${local.memory_limit}");
        }
    }
}
