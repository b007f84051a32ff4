package dev.orderflow.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP proxy in front of a DynamoDB endpoint (DynamoDB Local) that fails requests the ways DynamoDB does, on
 * demand: it throttles ({@code ProvisionedThroughputExceededException}, some or all requests), answers server
 * errors, or holds requests without an answer. Clients see real DynamoDB error responses over a real socket; the SDK
 * parses and retries them as it would DynamoDB's own.
 */
public final class DynamoDbFaultProxy implements AutoCloseable {

    /** Headers the JDK's client sets itself, or that belong to one hop only. */
    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "dynamodb-fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI target;
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong forwarded = new AtomicLong();
    private volatile double throttleShare;
    private volatile boolean serverErrors;
    private volatile boolean hang;

    public DynamoDbFaultProxy(URI target) {
        this(FreePorts.next(), target);
    }

    public DynamoDbFaultProxy(int port, URI target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** Forward everything. */
    public void pass() {
        throttleShare = 0;
        serverErrors = false;
        hang = false;
    }

    /** Answer this share of requests (0 to 1, at random) with {@code ProvisionedThroughputExceededException}. */
    public void throttle(double share) {
        pass();
        throttleShare = share;
    }

    /** Answer every request with a 500 {@code InternalServerError}. */
    public void failWithServerErrors() {
        pass();
        serverErrors = true;
    }

    /** Hold every request without an answer until the client gives up. */
    public void hang() {
        pass();
        hang = true;
    }

    public long throttledCount() {
        return throttled.get();
    }

    public long forwardedCount() {
        return forwarded.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (hang) {
                sleep(Duration.ofSeconds(30));
                return;
            }
            if (serverErrors) {
                answer(exchange, 500, "com.amazonaws.dynamodb.v20120810#InternalServerError",
                        "Internal server error (fault proxy)");
                return;
            }
            if (throttleShare > 0 && ThreadLocalRandom.current().nextDouble() < throttleShare) {
                throttled.incrementAndGet();
                answer(exchange, 400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                        "The level of configured provisioned throughput for the table was exceeded (fault proxy)");
                return;
            }
            forward(exchange, body);
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (IOException e) {
            answer(exchange, 500, "com.amazonaws.dynamodb.v20120810#InternalServerError", "upstream failed");
            return;
        }
        forwarded.incrementAndGet();
        response.headers().map().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        byte[] responseBody = response.body();
        exchange.sendResponseHeaders(response.statusCode(), responseBody.length == 0 ? -1 : responseBody.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(responseBody);
        }
    }

    /** DynamoDB's JSON error form: the SDK reads the exception type from {@code __type}. */
    private static void answer(HttpExchange exchange, int status, String type, String message) throws IOException {
        byte[] json = ("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "fault-proxy");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
