package dev.orderflow.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Clients that each place orders one after another, many at once, for a while, counting every answer by status. wrk
 * cannot tell a 201 from a 202, and under overload that difference is the point: confirmed at once, or decided later.
 */
final class ClosedLoad {

    /** What the clients saw: answers by status, confirmed orders per second, their median and p99 latency. */
    record Result(Map<Integer, Long> byStatus, double confirmedPerSecond, double p50Millis, double p99Millis) {

        @Override
        public String toString() {
            return "confirmed %5.0f orders/s, answers %s, confirmed p50 %6.1f ms, p99 %7.1f ms"
                    .formatted(confirmedPerSecond, byStatus, p50Millis, p99Millis);
        }
    }

    private ClosedLoad() {
    }

    static Result run(URI gateway, String product, int clients, Duration duration) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        List<Long> confirmedNanos = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + duration.toNanos();
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/orders"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"product_id\":\"%s\",\"quantity\":1,\"customer_id\":\"load\"}".formatted(product)))
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = 0;
                    }
                    byStatus.computeIfAbsent(status, key -> new LongAdder()).increment();
                    if (status == 201) {
                        confirmedNanos.add(System.nanoTime() - started);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        Map<Integer, Long> counts = new TreeMap<>();
        byStatus.forEach((status, count) -> counts.put(status, count.sum()));
        List<Long> sorted = new ArrayList<>(confirmedNanos);
        Collections.sort(sorted);
        return new Result(counts, sorted.size() / (double) duration.toSeconds(), percentile(sorted, 50),
                percentile(sorted, 99));
    }

    private static double percentile(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.ceil(sorted.size() * percentile / 100.0) - 1) / 1_000_000.0;
    }
}
