package dev.orderflow.containers;

import dev.orderflow.testsupport.containers.ContainerSpec;
import dev.orderflow.testsupport.containers.Podman;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Time to ready of the service images with and without their CDS archive, side by side: the two variants take turns
 * against the same DynamoDB Local, so both share whatever else the machine does. Each start is a new container,
 * timed from {@code podman run} to the first 200 from the readiness probe. Then RSS, idle and after 200 orders, and
 * the image sizes. Not a test: run by hand after ./build-images.sh, with the command in docs/performance.md
 * ("Container images").
 */
public final class StartupComparison {

    private static final String WITHOUT_CDS = "[\"java\",\"-jar\",\"/app/app.jar\"]";

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (Podman podman = Podman.start(Images.REPOSITORY, Images.LOGS)) {
            ContainerSystem system = ContainerSystem.start(podman);
            Map<String, List<Duration>> results = new TreeMap<>();
            for (boolean busy : new boolean[] {false, true}) {
                AtomicBoolean spinning = new AtomicBoolean(busy);
                Thread spinner = new Thread(() -> spin(spinning), "busy-core");
                spinner.start();
                for (int round = 0; round < rounds; round++) {
                    for (boolean cds : round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                        String condition = (busy ? "other core busy" : "idle") + ", " + (cds ? "CDS" : "no CDS");
                        results.computeIfAbsent("processor, " + condition, key -> new ArrayList<>())
                                .add(timeToReady(system, Images.PROCESSOR, cds));
                        results.computeIfAbsent("gateway, " + condition, key -> new ArrayList<>())
                                .add(timeToReady(system, Images.GATEWAY, cds));
                    }
                }
                spinning.set(false);
                join(spinner);
            }
            StringBuilder report = new StringBuilder("| service, condition | median s | min s | max s | runs |\n"
                    + "|---|---|---|---|---|\n");
            results.forEach((key, times) -> report.append(row(key, times)));
            report.append("\n").append(memory(podman, system)).append("\n").append(sizes(podman));
            System.out.println(report);
            Files.createDirectories(Images.LOGS);
            Files.writeString(Images.LOGS.resolve("startup-comparison.md"), report);
        }
    }

    private static Duration timeToReady(ContainerSystem system, String image, boolean cds) {
        boolean gateway = image.equals(Images.GATEWAY);
        int managementPort = gateway ? ContainerSystem.GATEWAY_MANAGEMENT_PORT : ContainerSystem.PROCESSOR_MANAGEMENT_PORT;
        ContainerSpec spec = ContainerSpec.of(image, gateway ? "gateway" : "processor").network(system.network)
                .hardened().publish(managementPort)
                .env("DYNAMODB_ENDPOINT", "http://" + system.dynamoDb + ":" + ContainerSystem.DYNAMODB_PORT)
                .env("AWS_ACCESS_KEY_ID", "local").env("AWS_SECRET_ACCESS_KEY", "local")
                .env("SPRING_PROFILES_ACTIVE", "dynamodb-local")
                .env("ORDER_PROCESSOR_URL", "http://" + system.processor + ":" + ContainerSystem.PROCESSOR_PORT);
        if (!cds) {
            spec.entrypoint(WITHOUT_CDS);
        }
        Instant started = Instant.now();
        String container = system.podman.run(spec);
        Http.awaitOk(system.podman.hostPort(container, managementPort), "/actuator/health/readiness",
                ContainerSystem.READY_TIMEOUT, () -> { });
        Duration ready = Duration.between(started, Instant.now());
        system.podman.run("rm", "--force", "--time", "0", container);
        return ready;
    }

    private static String memory(Podman podman, ContainerSystem system) throws IOException {
        String gateway = system.startGateway();
        int gatewayPort = system.port(gateway, ContainerSystem.GATEWAY_PORT);
        int processorPort = system.port(system.processor, ContainerSystem.PROCESSOR_PORT);
        String idle = "RSS idle (after ready): gateway " + rss(podman, gateway) + ", processor "
                + rss(podman, system.processor) + ", DynamoDB Local " + rss(podman, system.dynamoDb);
        Http.put(processorPort, "/inventory/bench-1", "{\"stock\":100000,\"price\":1.00,\"name\":\"Bench\"}");
        for (int i = 0; i < 200; i++) {
            Http.post(gatewayPort, "/orders", "{\"product_id\":\"bench-1\",\"quantity\":1,\"customer_id\":\"c\"}");
        }
        return idle + "\n\nRSS after 200 orders: gateway " + rss(podman, gateway) + ", processor "
                + rss(podman, system.processor) + ", DynamoDB Local " + rss(podman, system.dynamoDb) + "\n";
    }

    private static String rss(Podman podman, String container) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(podman.pid(container)), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MiB").findFirst().orElseThrow();
    }

    private static String sizes(Podman podman) {
        StringBuilder sizes = new StringBuilder("Image sizes (uncompressed, as podman reports them):");
        for (String image : List.of("orderflow-jre:dev", Images.GATEWAY, Images.PROCESSOR, Images.DYNAMODB_LOCAL)) {
            long bytes = Long.parseLong(podman.imageInspect(image, "{{.Size}}"));
            sizes.append(String.format(Locale.ROOT, " %s %d MB;", image, bytes / 1_000_000));
        }
        return sizes.toString();
    }

    private static String row(String key, List<Duration> times) {
        List<Double> seconds = times.stream().map(time -> time.toMillis() / 1000.0).sorted().toList();
        double median = seconds.size() % 2 == 1 ? seconds.get(seconds.size() / 2)
                : (seconds.get(seconds.size() / 2 - 1) + seconds.get(seconds.size() / 2)) / 2;
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %d |%n", key, median, seconds.get(0),
                seconds.get(seconds.size() - 1), seconds.size());
    }

    private static void spin(AtomicBoolean spinning) {
        long value = 1;
        while (spinning.get()) {
            value = value * 31 + 7;
        }
        if (value == 42) {
            System.out.println("unreachable in practice; keeps the loop from being optimised away");
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
