package dev.orderflow.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.FreePorts;
import dev.orderflow.testsupport.containers.Podman;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker-compose.yml run for real with podman-compose, under a project name and on host ports of its own. */
class ComposeIT {

    private static final Duration COMPOSE_TIMEOUT = Duration.ofMinutes(3);

    private static Podman podman;
    private static String project;
    private static final Map<String, String> PORTS = new LinkedHashMap<>();

    @BeforeAll
    static void up() {
        podman = Images.podman();
        boolean installed = compose(List.of("version"), Duration.ofSeconds(30)) == 0;
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("podman-compose is missing in CI (.ci/setup/20-podman.sh installs it)");
        }
        Assumptions.assumeTrue(installed, "compose test skipped: podman-compose is not installed");
        project = podman.uniqueName("compose").replace('-', '_');
        for (String port : List.of("GATEWAY_PORT", "GATEWAY_MANAGEMENT_PORT", "PROCESSOR_PORT",
                "PROCESSOR_MANAGEMENT_PORT", "DYNAMODB_PORT")) {
            PORTS.put(port, Integer.toString(FreePorts.next()));
        }
        assertThat(compose(List.of("-p", project, "up", "-d"), COMPOSE_TIMEOUT)).as("podman-compose up").isZero();
    }

    @AfterAll
    static void down() {
        if (project != null) {
            compose(List.of("-p", project, "down"), COMPOSE_TIMEOUT);
            podman.run("network", "rm", "--force", project + "_default");
        }
        if (podman != null) {
            podman.close();
        }
    }

    @Test
    void composedSystemPlacesAnOrderAndReadsItBack() {
        int gateway = port("GATEWAY_PORT");
        int processor = port("PROCESSOR_PORT");
        Http.awaitOk(port("GATEWAY_MANAGEMENT_PORT"), "/actuator/health/readiness", ContainerSystem.READY_TIMEOUT,
                () -> { });
        Http.awaitOk(port("PROCESSOR_MANAGEMENT_PORT"), "/actuator/health/readiness", ContainerSystem.READY_TIMEOUT,
                () -> { });
        Http.put(processor, "/inventory/widget-1", "{\"stock\":5,\"price\":19.99,\"name\":\"Widget\"}");

        Http.Response placed = Http.post(gateway, "/orders",
                "{\"product_id\":\"widget-1\",\"quantity\":2,\"customer_id\":\"c-1\"}");
        Http.Response readBack = Http.get(gateway, "/orders/" + placed.json().get("order_id").asText());

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(readBack.json().get("status").asText()).isEqualTo("confirmed");
        assertThat(Http.get(processor, "/inventory/widget-1").json().get("stock").asInt()).isEqualTo(3);
        assertThat(podman.inspect(project + "_create-tables_1", "{{.State.ExitCode}}")).isEqualTo("0");
    }

    @Test
    void composedServicesRunHardened() {
        for (String service : List.of("dynamodb-local", "order-processor", "order-gateway")) {
            Hardening.assertHardened(podman, project + "_" + service + "_1");
        }
    }

    private static int port(String name) {
        return Integer.parseInt(PORTS.get(name));
    }

    private static int compose(List<String> arguments, Duration timeout) {
        Path log = Images.LOGS.resolve("podman-compose.log");
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().addAll(List.of("podman-compose", "-f", Images.REPOSITORY.resolve("docker-compose.yml")
                .toString()));
        builder.command().addAll(arguments);
        builder.directory(Images.REPOSITORY.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Podman.containersConf(Images.REPOSITORY).ifPresent(conf -> builder.environment().put("CONTAINERS_CONF", conf));
        builder.environment().putAll(PORTS);
        try {
            Files.createDirectories(Images.LOGS);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
