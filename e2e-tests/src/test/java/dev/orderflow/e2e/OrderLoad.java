package dev.orderflow.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Clients placing orders of one unit in a loop, each with a fresh Idempotency-Key and a customer of its own (so its
 * stored order, if any, can be found), recording every answer and how long it took. A request that gets no answer
 * within {@link #HANG} counts as a hang.
 */
final class OrderLoad implements AutoCloseable {

    static final Duration HANG = Duration.ofSeconds(5);

    record Outcome(int status, Duration latency, String contentType, String body, String customer,
                   String retryAfter) {

        boolean hung() {
            return status == -1;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final ExecutorService clients;
    private volatile boolean running = true;

    OrderLoad(URI gateway, String productId, int clientCount) {
        clients = Executors.newFixedThreadPool(clientCount);
        for (int i = 0; i < clientCount; i++) {
            clients.execute(() -> {
                while (running) {
                    outcomes.add(place(gateway, productId));
                }
            });
        }
    }

    private Outcome place(URI gateway, String productId) {
        String customer = "load-" + UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/orders"))
                .timeout(HANG)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"product_id\":\"%s\",\"quantity\":1,\"customer_id\":\"%s\"}"
                        .formatted(productId, customer)))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(response.statusCode(), Duration.ofNanos(System.nanoTime() - started),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), customer,
                    response.headers().firstValue("Retry-After").orElse(""));
        } catch (HttpTimeoutException e) {
            return new Outcome(-1, Duration.ofNanos(System.nanoTime() - started), "", "", customer, "");
        } catch (java.io.IOException e) {
            // the gateway itself is down (a scenario kills it): the client cannot reach it at all
            pause();
            return new Outcome(0, Duration.ofNanos(System.nanoTime() - started), "", "", customer, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, Duration.ZERO, "", "", customer, "");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    @Override
    public void close() {
        running = false;
        clients.shutdown();
        try {
            clients.awaitTermination(HANG.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
