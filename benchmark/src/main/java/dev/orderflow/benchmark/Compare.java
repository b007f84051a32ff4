package dev.orderflow.benchmark;

import dev.orderflow.benchmark.Benchmark.Mode;
import dev.orderflow.testsupport.DynamoDbLocal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A/B comparison of two sets of JVM flags (system properties included), for tuning on a machine whose speed drifts
 * from minute to minute: both variants run at the same time against the same DynamoDB Local, each with its own
 * services and its own wrk, so they share whatever the machine does. Reports orders/s and CPU per order of each
 * variant over several rounds.
 *
 * <pre>./mvnw -pl benchmark exec:java -Dexec.mainClass=dev.orderflow.benchmark.Compare \
 *     -Dcompare.a="" -Dcompare.b="-Dspring.reactor.context-propagation=limited"</pre>
 * Optional: {@code -Dcompare.mode=MONOLITH}, {@code -Dcompare.rounds=4}, {@code -Dcompare.connections=8},
 * {@code -Dbenchmark.seconds=10}, and {@code -Dcompare.b.root=DIR} to run B from the jars built in another checkout
 * (say, the commit before a change), so that a change in the code is compared as fairly as one in the flags.
 */
public final class Compare {

    private Compare() {
    }

    public static void main(String[] args) throws Exception {
        Wrk.requireInstalled();
        Path root = Path.of(System.getProperty("orderflow.root", ".")).toAbsolutePath().normalize();
        Path logs = Files.createDirectories(root.resolve("benchmark/target/service-logs"));
        Mode mode = Mode.valueOf(System.getProperty("compare.mode", "SPLIT"));
        int rounds = Integer.getInteger("compare.rounds", 4);
        int connections = Integer.getInteger("compare.connections", 8);
        Duration step = Duration.ofSeconds(Long.getLong("benchmark.seconds", 10));
        List<String> flagsA = Deployment.jvmFlags("compare.a");
        List<String> flagsB = Deployment.jvmFlags("compare.b");
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.start();
             Deployment a = Deployment.start(mode, "compare-a", root, logs, dynamoDb, flagsA);
             Deployment b = Deployment.start(mode, "compare-b",
                     Path.of(System.getProperty("compare.b.root", root.toString())), logs, dynamoDb, flagsB)) {
            Wrk wrkA = stocked(a);
            Wrk wrkB = stocked(b);
            System.out.printf("A: %s%nB: %s%n", flagsA, flagsB);
            both(a, wrkA, b, wrkB, connections, step, "warm-up");
            for (int round = 1; round <= rounds; round++) {
                both(a, wrkA, b, wrkB, connections, step, "round " + round);
            }
            System.out.printf("RSS after load, MiB: A gateway %d, processor %d | B gateway %d, processor %d%n",
                    Rss.mebibytes(a.gateway().pid()), a.processor() == null ? 0 : Rss.mebibytes(a.processor().pid()),
                    Rss.mebibytes(b.gateway().pid()), b.processor() == null ? 0 : Rss.mebibytes(b.processor().pid()));
        }
        System.exit(0);
    }

    private static void both(Deployment a, Wrk wrkA, Deployment b, Wrk wrkB, int connections, Duration step,
                             String label) {
        long[] cpuA = Cpu.millis(a.gateway(), a.processor());
        long[] cpuB = Cpu.millis(b.gateway(), b.processor());
        CompletableFuture<Wrk.Result> runA =
                CompletableFuture.supplyAsync(() -> wrkA.run(a.gatewayUri(), connections, step));
        CompletableFuture<Wrk.Result> runB =
                CompletableFuture.supplyAsync(() -> wrkB.run(b.gatewayUri(), connections, step));
        Wrk.Result resultA = runA.join();
        Wrk.Result resultB = runB.join();
        double perOrderA = servicesCpu(cpuA, Cpu.millis(a.gateway(), a.processor()), resultA.requests());
        double perOrderB = servicesCpu(cpuB, Cpu.millis(b.gateway(), b.processor()), resultB.requests());
        System.out.printf("%-8s A %4.0f orders/s p99 %5.1f ms CPU %.2f ms/order non-2xx %d | B %4.0f orders/s p99 %5.1f "
                        + "ms CPU %.2f ms/order non-2xx %d | B/A CPU per order %.2f%n", label,
                resultA.requestsPerSecond(), resultA.p99Millis(), perOrderA, resultA.non2xx(),
                resultB.requestsPerSecond(), resultB.p99Millis(), perOrderB, resultB.non2xx(), perOrderB / perOrderA);
    }

    private static double servicesCpu(long[] before, long[] after, long orders) {
        return Cpu.perOrder(before, after, 0, orders) + Cpu.perOrder(before, after, 1, orders);
    }

    private static Wrk stocked(Deployment deployment) throws Exception {
        String product = "compare-" + UUID.randomUUID();
        deployment.stock(product);
        return new Wrk(product);
    }
}
