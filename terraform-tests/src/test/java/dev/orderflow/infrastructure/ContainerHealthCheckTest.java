package dev.orderflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The task definitions' container health check, exactly as written in the HCL, run by bash against a real socket:
 * healthy on a 200 from the liveness path, unhealthy on anything else or nothing listening.
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

    private static int probe(int port) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is absent: the health check runs in bash");
        String check = TerraformTree.infrastructure().module("modules/ecs-service").locals.get("liveness_probe").asText()
                .replace("${var.management_port}", Integer.toString(port));
        Process process = new ProcessBuilder("/bin/bash", "-c", check).redirectErrorStream(true).start();
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
}
