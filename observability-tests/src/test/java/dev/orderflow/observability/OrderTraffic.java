package dev.orderflow.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A few clients placing orders at a modest pace (about 20 a second in all: the machine is shared), mixed so that
 * every outcome the dashboards break down shows up: mostly new orders, and among them orders for a product with
 * little stock, for an unknown product, with an invalid body, replayed with their Idempotency-Key, and sent again
 * with the same key and another body.
 */
final class OrderTraffic implements AutoCloseable {

    static final String PRODUCT = "widget-1";
    static final String SCARCE_PRODUCT = "scarce-1";
    private static final Duration PAUSE = Duration.ofMillis(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final URI orders;
    private final ExecutorService clients;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    OrderTraffic(URI gateway, int clientCount) {
        this.orders = gateway.resolve("/orders");
        this.clients = Executors.newFixedThreadPool(clientCount);
        for (int i = 0; i < clientCount; i++) {
            clients.execute(this::placeUntilClosed);
        }
    }

    private void placeUntilClosed() {
        String lastKey = null;
        String lastBody = null;
        while (running) {
            long n = sequence.incrementAndGet();
            String key = UUID.randomUUID().toString();
            String body = order(PRODUCT, 1);
            switch ((int) (n % 20)) {
                case 0 -> body = order("no-such-product", 1);
                case 1, 2 -> body = order(SCARCE_PRODUCT, 1);
                case 3 -> body = "{\"product_id\":\"" + PRODUCT + "\",\"quantity\":0,\"customer_id\":\"load\"}";
                case 4 -> {
                    if (lastKey != null) {
                        key = lastKey;
                        body = lastBody;
                    }
                }
                case 5 -> {
                    if (lastKey != null) {
                        key = lastKey;
                        body = order(PRODUCT, 2);
                    }
                }
                default -> {
                    lastKey = key;
                    lastBody = body;
                }
            }
            statuses.computeIfAbsent(send(key, body), status -> new LongAdder()).increment();
            PrometheusServer.sleep(PAUSE);
        }
    }

    private static String order(String product, int quantity) {
        return "{\"product_id\":\"%s\",\"quantity\":%d,\"customer_id\":\"load\"}".formatted(product, quantity);
    }

    private int send(String key, String body) {
        HttpRequest request = HttpRequest.newBuilder(orders).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** How many answers of each status the clients got (-1: no answer). */
    Map<Integer, Long> statuses() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.sum()));
        return counts;
    }

    @Override
    public void close() {
        running = false;
        clients.shutdown();
        try {
            clients.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
