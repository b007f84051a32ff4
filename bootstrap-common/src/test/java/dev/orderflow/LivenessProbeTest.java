package dev.orderflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The container health check against a stand-in management port: live on a 200 from the liveness path only. */
class LivenessProbeTest {

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

    @Test
    void liveOnA200FromTheLivenessPath() {
        assertThat(LivenessProbe.isLive(server.getAddress().getPort())).isTrue();
    }

    @Test
    void notLiveOnAnyOtherStatus() {
        liveness.set(503);
        assertThat(LivenessProbe.isLive(server.getAddress().getPort())).isFalse();
        liveness.set(204);
        assertThat(LivenessProbe.isLive(server.getAddress().getPort())).isFalse();
    }

    @Test
    void notLiveWhenNothingListens() {
        int port = server.getAddress().getPort();
        server.stop(0);
        assertThat(LivenessProbe.isLive(port)).isFalse();
    }
}
