package dev.orderflow.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.FreePorts;
import dev.orderflow.testsupport.containers.Podman;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * docker-compose.yml run for real with podman-compose, under a project name and on host ports of its own. An override
 * file gives its containers and network this JVM's owner label, so that a later run removes them should this JVM be
 * killed before {@code down}.
 */
class ComposeIT {

    private static final Duration COMPOSE_TIMEOUT = Duration.ofMinutes(3);

    private static Podman podman;
    private static String project;
    private static Path ownerLabels;
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
        ownerLabels = writeOwnerLabels();
        for (String port : List.of("GATEWAY_PORT", "GATEWAY_MANAGEMENT_PORT", "PROCESSOR_PORT",
                "PROCESSOR_MANAGEMENT_PORT", "DYNAMODB_PORT")) {
            PORTS.put(port, Integer.toString(FreePorts.next()));
        }
        assertThat(compose(List.of("-p", project, "up", "-d"), COMPOSE_TIMEOUT)).as("podman-compose up").isZero();
    }

    @AfterAll
    static void down() throws IOException {
        try {
            if (project != null) {
                compose(List.of("-p", project, "down"), COMPOSE_TIMEOUT);
                // podman-compose 1.0 leaves the network behind; 1.3 and later remove it with the project
                String network = project + "_default";
                if (!podman.run("network", "ls", "--quiet", "--filter", "name=^" + network + "$").isBlank()) {
                    podman.run("network", "rm", "--force", network);
                }
            }
        } finally {
            if (podman != null) {
                podman.close();
            }
            if (ownerLabels != null) {
                Files.deleteIfExists(ownerLabels);
            }
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

    private static Path writeOwnerLabels() {
        Map.Entry<String, String> owner = podman.ownerLabel();
        String labels = "{labels: {%s: \"%s\"}}".formatted(owner.getKey(), owner.getValue());
        StringBuilder override = new StringBuilder("services:\n");
        for (String service : List.of("dynamodb-local", "create-tables", "order-processor", "order-gateway")) {
            override.append("  ").append(service).append(": ").append(labels).append('\n');
        }
        override.append("networks:\n  default: ").append(labels).append('\n');
        try {
            Files.createDirectories(Images.LOGS);
            Path file = Files.createTempFile(Images.LOGS.toAbsolutePath(), "compose-owner", ".yml");
            return Files.writeString(file, override);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        if (ownerLabels != null) {
            builder.command().addAll(List.of("-f", ownerLabels.toString()));
        }
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
