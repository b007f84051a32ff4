package dev.orderflow.chart;

import dev.orderflow.chart.RenderedChart.Manifest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A probe of a rendered container, run the way the kubelet runs it: an HTTP GET of its path, or a TCP connection,
 * to its port (a port name resolved against the container's ports), within its timeout; HTTP 200-399 succeeds.
 * The container port is reached through the loopback port it was published on.
 */
record RenderedProbe(String kind, String path, int containerPort, Duration period, Duration timeout,
                     int failureThreshold) {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The startup, liveness and readiness probes the container defines, in that order. */
    static List<RenderedProbe> of(Map<String, Object> container) {
        List<RenderedProbe> probes = new ArrayList<>();
        for (String kind : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Object probe = container.get(kind);
            if (probe != null) {
                probes.add(parse(kind, new Manifest(Manifest.asMap(probe)), container));
            }
        }
        return probes;
    }

    static RenderedProbe get(Map<String, Object> container, String kind) {
        return of(container).stream().filter(probe -> probe.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + container.get("name")));
    }

    private static RenderedProbe parse(String kind, Manifest probe, Map<String, Object> container) {
        Object port;
        String path = null;
        if (probe.at("httpGet") != null) {
            port = probe.at("httpGet", "port");
            path = (String) probe.at("httpGet", "path");
        } else if (probe.at("tcpSocket") != null) {
            port = probe.at("tcpSocket", "port");
        } else {
            throw new AssertionError(kind + " of " + container.get("name") + " is neither httpGet nor tcpSocket");
        }
        // the API's defaults where the chart leaves a field out
        return new RenderedProbe(kind, path, containerPort(port, container),
                Duration.ofSeconds(intOr(probe.at("periodSeconds"), 10)),
                Duration.ofSeconds(intOr(probe.at("timeoutSeconds"), 1)),
                intOr(probe.at("failureThreshold"), 3));
    }

    static int containerPort(Object port, Map<String, Object> container) {
        if (port instanceof Number number) {
            return number.intValue();
        }
        return Manifest.asList(container.get("ports")).stream().map(Manifest::asMap)
                .filter(entry -> Objects.equals(entry.get("name"), port))
                .map(entry -> ((Number) entry.get("containerPort")).intValue()).findFirst()
                .orElseThrow(() -> new AssertionError("no port named " + port + " in " + container.get("name")));
    }

    private static int intOr(Object value, int otherwise) {
        return value == null ? otherwise : ((Number) value).intValue();
    }

    /** One run of the probe against the loopback port its container port is published on. */
    boolean succeeds(int hostPort) {
        return path == null ? connects(hostPort) : answers(hostPort);
    }

    private boolean connects(int hostPort) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", hostPort), (int) timeout.toMillis());
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private boolean answers(int hostPort) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hostPort + path))
                .timeout(timeout).GET().build();
        try {
            int status = CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 400;
        } catch (IOException notAnswering) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return kind + " " + (path == null ? "tcpSocket" : "GET " + path) + " on container port " + containerPort;
    }
}
