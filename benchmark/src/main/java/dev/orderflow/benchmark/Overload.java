package dev.orderflow.benchmark;

import dev.orderflow.benchmark.Benchmark.Mode;
import dev.orderflow.testsupport.DynamoDbLocal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Admission control measured: variants of the services' settings (JVM flags, system properties included) under the
 * same overload, one after another and alternating, each alone on the machine. Side by side would not do here: a
 * variant that admits less leaves the shared cores to one that admits more, so each must have the machine to itself.
 * Each variant runs in split mode with the dynamodb-local profile on a fresh DynamoDB Local: a warm-up with wrk at 16
 * connections, then clients that each place orders one after another, many at once, and count every answer by status
 * (201 confirmed at once, 202 decided later, 503 refused) with the latency of the confirmed ones.
 *
 * <pre>./mvnw -q -pl benchmark exec:java -Dbenchmark.main=dev.orderflow.benchmark.Overload \
 *     -Doverload.variants="vegas=;off=-Dorderflow.admission.min-limit=10000 ..."</pre>
 * Optional: {@code -Doverload.connections=64}, {@code -Doverload.rounds=2}, {@code -Dbenchmark.seconds=20}.
 */
public final class Overload {

    private Overload() {
    }

    public static void main(String[] args) throws Exception {
        Wrk.requireInstalled();
        Path root = Path.of(System.getProperty("orderflow.root", ".")).toAbsolutePath().normalize();
        Path logs = Files.createDirectories(root.resolve("benchmark/target/service-logs"));
        int connections = Integer.getInteger("overload.connections", 64);
        int rounds = Integer.getInteger("overload.rounds", 2);
        Duration step = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
        Map<String, List<String>> variants = new LinkedHashMap<>();
        for (String variant : System.getProperty("overload.variants", "default=").split(";")) {
            String[] named = variant.split("=", 2);
            List<String> flags = new ArrayList<>(List.of("-Dspring.profiles.active=dynamodb-local"));
            Arrays.stream(named[1].split(" ")).filter(flag -> !flag.isBlank()).forEach(flags::add);
            variants.put(named[0], flags);
        }
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                try (DynamoDbLocal dynamoDb = DynamoDbLocal.start();
                     Deployment deployment = Deployment.start(Mode.SPLIT, "overload-" + variant.getKey(), root, logs,
                             dynamoDb, variant.getValue())) {
                    String product = "overload-" + UUID.randomUUID();
                    deployment.stock(product);
                    new Wrk(product).run(deployment.gatewayUri(), 16, Duration.ofSeconds(15));
                    ClosedLoad.Result result = ClosedLoad.run(deployment.gatewayUri(), product, connections, step);
                    System.out.printf("round %d %-8s %s; limit at the end: gateway %s, processor %s%n", round,
                            variant.getKey(), result, gauge(deployment.gatewayManagement()),
                            gauge(deployment.processorManagement()));
                }
            }
        }
        System.exit(0);
    }

    private static String gauge(URI management) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                management.resolve("/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("orderflow_admission_limit"))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1)).findFirst().orElse("-");
    }
}
