package dev.orderflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.orderflow.LivenessProbe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The task definitions' container health check, exactly as written in the HCL (only the image's java and jar swapped
 * for this JVM's java and bootstrap-common's classes), run against a real socket: healthy on a 200 from the liveness
 * path, unhealthy on anything else or nothing listening. EcsHealthCheckIT runs it unchanged inside the real image.
 */
class ContainerHealthCheckTest {

    private final AtomicInteger liveness = new AtomicInteger(200);
    private HttpServer server;

    @BeforeEach
    void startAStandInManagementPort() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int status = exchange.getRequestURI().getPath().equals("/actuator/health/liveness") ? liveness.get() : 404;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static List<String> commandInTheHcl() {
        JsonNode command = TerraformTree.infrastructure().module("modules/ecs-service").locals.get("health_check_command");
        List<String> words = new ArrayList<>();
        command.forEach(word -> words.add(word.asText()));
        return words;
    }

    private static int probe(int port) throws Exception {
        List<String> hcl = commandInTheHcl();
        assertThat(hcl.subList(0, 2)).containsExactly("CMD", "java");
        String classes = Path.of(LivenessProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String word : hcl.subList(2, hcl.size())) {
            command.add(switch (word) {
                case "/app/app.jar" -> classes;
                case "${var.management_port}" -> Integer.toString(port);
                default -> word;
            });
        }
        assertThat(command).as("the HCL names the image's jar and the management port").contains(classes,
                Integer.toString(port));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    @Test
    void healthyWhileTheLivenessProbeAnswers200() throws Exception {
        assertThat(probe(server.getAddress().getPort())).isZero();
    }

    @Test
    void unhealthyWhenTheProbeFailsOrNothingListens() throws Exception {
        liveness.set(503);
        assertThat(probe(server.getAddress().getPort())).isNotZero();

        int port = server.getAddress().getPort();
        server.stop(0);
        assertThat(probe(port)).isNotZero();
    }

    @Test
    void theCheckRunsNoShellTheImagesDoNotHave() {
        assertThat(commandInTheHcl()).doesNotContain("bash", "sh", "/bin/sh", "CMD-SHELL")
                .contains("dev.orderflow.LivenessProbe");
        JsonNode check = TerraformTree.infrastructure().module("modules/ecs-service").locals.get("container")
                .get("healthCheck");
        assertThat(check.get("command").asText()).isEqualTo("${local.health_check_command}");
        assertThat(check.get("interval").asInt()).isEqualTo(30);
    }
}
