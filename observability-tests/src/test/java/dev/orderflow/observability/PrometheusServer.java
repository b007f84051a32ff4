package dev.orderflow.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.testsupport.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian's Prometheus as a process of its own, on loopback only, with a configuration and a data directory in a
 * directory of the test's, queried through its HTTP API as Grafana queries it.
 */
final class PrometheusServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A time series of a range query: its labels and its samples (seconds since the epoch, value). */
    record Series(Map<String, String> labels, double[] times, double[] values) {

        double max() {
            double max = Double.NEGATIVE_INFINITY;
            for (double value : values) {
                if (!Double.isNaN(value)) {
                    max = Math.max(max, value);
                }
            }
            return max;
        }

        boolean hasFiniteValue() {
            for (double value : values) {
                if (Double.isFinite(value)) {
                    return true;
                }
            }
            return false;
        }

        double last() {
            return values.length == 0 ? Double.NaN : values[values.length - 1];
        }
    }

    private final Process process;
    private final URI base;

    private PrometheusServer(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /**
     * Starts Prometheus with {@code configuration} as its prometheus.yml and {@code data} as its TSDB, and waits until
     * it is ready.
     */
    static PrometheusServer start(Path directory, String configuration, Path data, String... flags) {
        try {
            Files.createDirectories(directory);
            Path config = Files.writeString(directory.resolve("prometheus.yml"), configuration);
            int port = FreePorts.next();
            List<String> command = new ArrayList<>(List.of(PrometheusTools.prometheus().toString(),
                    "--config.file=" + config, "--storage.tsdb.path=" + data,
                    "--web.listen-address=127.0.0.1:" + port));
            command.addAll(List.of(flags));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("prometheus.log").toFile()).start();
            PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port));
            server.awaitReady(directory);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Path directory) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus exited: see " + directory.resolve("prometheus.log"));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(base.resolve("/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException("Prometheus not ready within 60 s: see " + directory.resolve("prometheus.log"));
    }

    /** An instant query; a query Prometheus refuses fails with its error. Every call of the API is a GET. */
    JsonNode query(String expr, Instant time) {
        return api("/api/v1/query", Map.of("query", expr, "time", seconds(time))).path("result");
    }

    List<Series> queryRange(String expr, Instant start, Instant end, Duration step) {
        JsonNode result = api("/api/v1/query_range", Map.of("query", expr, "start", seconds(start),
                "end", seconds(end), "step", Long.toString(step.toSeconds()))).path("result");
        List<Series> series = new ArrayList<>();
        for (JsonNode item : result) {
            Map<String, String> labels = new LinkedHashMap<>();
            item.path("metric").fields()
                    .forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
            JsonNode samples = item.path("values");
            double[] times = new double[samples.size()];
            double[] values = new double[samples.size()];
            for (int i = 0; i < samples.size(); i++) {
                times[i] = samples.get(i).get(0).asDouble();
                values[i] = Double.parseDouble(samples.get(i).get(1).asText());
            }
            series.add(new Series(labels, times, values));
        }
        return series;
    }

    /** What {@code label_values(selector, label)} gives in Grafana for that time range. */
    List<String> labelValues(String label, String selector, Instant start, Instant end) {
        List<String> values = new ArrayList<>();
        api("/api/v1/label/" + label + "/values", Map.of("match[]", selector, "start", seconds(start),
                "end", seconds(end))).forEach(value -> values.add(value.asText()));
        return values;
    }

    JsonNode api(String path, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path + "?" + query))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (!"success".equals(body.path("status").asText())) {
                throw new IllegalStateException(path + " " + parameters + ": " + body.path("error").asText());
            }
            return body.path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String seconds(Instant time) {
        return String.format(java.util.Locale.ROOT, "%.3f", time.toEpochMilli() / 1000.0);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An empty directory at {@code path}: a TSDB left by an earlier run would answer with that run's series. */
    static Path emptyDirectory(Path path) {
        try {
            if (Files.exists(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                        Files.delete(file);
                    }
                }
            }
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
