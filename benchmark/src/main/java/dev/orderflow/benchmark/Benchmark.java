package dev.orderflow.benchmark;

import dev.orderflow.testsupport.DynamoDbLocal;
import dev.orderflow.testsupport.ServiceProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One run of the whole benchmark: the DynamoDB Local ceiling, then each mode (split, monolith) started from its
 * jars with production settings, measured at 1, 4, 16 and 64 connections, with memory sampled throughout and, in
 * split mode, the answer time with the processor's circuit open. Writes docs/performance.md and its charts.
 */
public final class Benchmark {

    static final List<Integer> CONNECTIONS = List.of(1, 4, 16, 64);
    private static final String ALL_MODES = "SPLIT,MONOLITH";

    enum Mode { SPLIT, MONOLITH }

    record RssSample(double seconds, String mode, long gatewayMib, long processorMib) {
    }

    record ModeResult(Mode mode, List<Wrk.Result> levels, Duration gatewayStartup, Duration processorStartup,
                      long gatewayIdleMib, long processorIdleMib, long gatewayPeakMib, long processorPeakMib,
                      Wrk.Result circuitOpen) {
    }

    private Benchmark() {
    }

    public static void main(String[] args) {
        try {
            benchmark();
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /**
     * System properties for exploring (profiling, trying JVM flags): {@code benchmark.modes} (e.g. {@code SPLIT}),
     * {@code benchmark.connections} (e.g. {@code 16}) and {@code benchmark.jvmFlags} (added to the services' own,
     * e.g. {@code -XX:StartFlightRecording=filename=/tmp/jfr/}). A run that uses any of them prints its figures but
     * leaves docs/performance.md alone, which only a full run with the production flags may write.
     */
    private static void benchmark() throws Exception {
        Wrk.requireInstalled();
        List<Mode> modes = Arrays.stream(System.getProperty("benchmark.modes", ALL_MODES).split(","))
                .map(String::trim).map(Mode::valueOf).toList();
        List<Integer> connections = System.getProperty("benchmark.connections") == null ? CONNECTIONS
                : Arrays.stream(System.getProperty("benchmark.connections").split(",")).map(String::trim)
                        .map(Integer::valueOf).toList();
        List<String> jvmFlags = Deployment.jvmFlags("benchmark.jvmFlags");
        boolean exploring = modes.size() < Mode.values().length || !connections.equals(CONNECTIONS)
                || !jvmFlags.isEmpty();
        Path root = Path.of(System.getProperty("orderflow.root", ".")).toAbsolutePath().normalize();
        Duration step = Duration.ofSeconds(Long.getLong("benchmark.seconds", 10));
        Path logs = Files.createDirectories(root.resolve("benchmark/target/service-logs"));
        List<RssSample> rss = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.start()) {
            double ceiling = DynamoDbCeiling.ordersPerSecond(dynamoDb.endpoint(), 16, step);
            System.out.printf("DynamoDB Local ceiling: %.0f orders/s%n", ceiling);
            List<ModeResult> results = new ArrayList<>();
            for (Mode mode : modes) {
                results.add(run(mode, root, logs, dynamoDb, step, rss, started, connections, jvmFlags));
            }
            if (exploring) {
                System.out.println("exploratory run: docs/performance.md left as it was");
            } else {
                new Report(root.resolve("docs"), ceiling, step, results, rss).write();
                System.out.println("wrote docs/performance.md and docs/performance/*.png");
            }
        }
    }

    private static ModeResult run(Mode mode, Path root, Path logs, DynamoDbLocal dynamoDb, Duration step,
                                  List<RssSample> rss, long started, List<Integer> connectionLevels,
                                  List<String> jvmFlags) throws Exception {
        Deployment deployment = Deployment.start(mode, "benchmark", root, logs, dynamoDb, jvmFlags);
        ServiceProcess gateway = deployment.gateway();
        ServiceProcess processor = deployment.processor();
        URI gatewayUri = deployment.gatewayUri();
        ScheduledExecutorService sampler = null;
        try {
            Thread.sleep(3000);
            long gatewayIdle = Rss.mebibytes(gateway.pid());
            long processorIdle = processor == null ? 0 : Rss.mebibytes(processor.pid());
            String product = "benchmark-" + UUID.randomUUID();
            deployment.stock(product);
            Wrk wrk = new Wrk(product);

            ServiceProcess sampledProcessor = processor;
            sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> rss.add(new RssSample((System.nanoTime() - started) / 1e9, mode.name(),
                    Rss.mebibytes(gateway.pid()), sampledProcessor == null ? 0 : Rss.mebibytes(sampledProcessor.pid()))),
                    0, 500, TimeUnit.MILLISECONDS);
            wrk.run(gatewayUri, 16, step);
            List<Wrk.Result> levels = new ArrayList<>();
            for (int connections : connectionLevels) {
                long[] cpuBefore = Cpu.millis(gateway, processor);
                Wrk.Result measured = wrk.run(gatewayUri, connections, step);
                long[] cpuAfter = Cpu.millis(gateway, processor);
                Wrk.Result result = measured.withCpu(Cpu.perOrder(cpuBefore, cpuAfter, 0, measured.requests()),
                        Cpu.perOrder(cpuBefore, cpuAfter, 1, measured.requests()),
                        Cpu.perOrder(cpuBefore, cpuAfter, 2, measured.requests()));
                System.out.printf("%s c=%d: %.0f orders/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, non-2xx %d; "
                                + "CPU ms per order: gateway %.2f, processor %.2f, DynamoDB Local and harness %.2f%n",
                        mode, connections, result.requestsPerSecond(), result.p50Millis(), result.p95Millis(),
                        result.p99Millis(), result.non2xx(), result.gatewayCpuMillis(), result.processorCpuMillis(),
                        result.dynamoDbCpuMillis());
                levels.add(result);
            }
            sampler.shutdownNow();
            long gatewayPeak = rss.stream().filter(s -> s.mode().equals(mode.name()))
                    .mapToLong(RssSample::gatewayMib).max().orElse(-1);
            long processorPeak = rss.stream().filter(s -> s.mode().equals(mode.name()))
                    .mapToLong(RssSample::processorMib).max().orElse(-1);
            System.out.printf("%s RSS MiB: gateway %d idle, %d peak; processor %d idle, %d peak; ready after %d ms%n",
                    mode, gatewayIdle, gatewayPeak, processorIdle, processorPeak,
                    gateway.lastStartup().toMillis());

            Wrk.Result circuitOpen = null;
            if (processor != null) {
                processor.kill();
                wrk.run(gatewayUri, 4, Duration.ofSeconds(3));
                circuitOpen = wrk.run(gatewayUri, 16, Duration.ofSeconds(5));
                System.out.printf("circuit open: p99 %.1f ms over %d answers%n", circuitOpen.p99Millis(),
                        circuitOpen.requests());
            }
            return new ModeResult(mode, levels, gateway.lastStartup(),
                    processor == null ? null : processor.lastStartup(), gatewayIdle, processorIdle, gatewayPeak,
                    processorPeak, circuitOpen);
        } finally {
            if (sampler != null) {
                sampler.shutdownNow();
            }
            deployment.close();
        }
    }
}
