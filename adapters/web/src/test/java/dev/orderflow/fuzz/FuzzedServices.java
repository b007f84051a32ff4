package dev.orderflow.fuzz;

import dev.orderflow.inventory.adapter.in.web.InventoryWebTestConfiguration;
import dev.orderflow.order.adapter.in.web.OrderWebTestConfiguration;
import dev.orderflow.testing.OrderFlowFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Both services' HTTP APIs on a real port, over the real use cases on in-memory stores, for the fuzzer to throw
 * requests at over a real socket.
 */
final class FuzzedServices implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final OrderFlowFixture flow;

    FuzzedServices() {
        context = new SpringApplicationBuilder(App.class)
                .properties("server.port=0", "spring.main.banner-mode=off", "logging.level.root=ERROR",
                        "logging.level.dev.orderflow=OFF")
                .run();
        base = URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
        // enough stock that no generated order is ever refused for want of it
        flow = context.getBean(OrderFlowFixture.class).withStock(OrderFlowFixture.WIDGET, 1_000_000);
    }

    record Answer(int status, String contentType, String body) {
    }

    Answer send(String method, String path, String contentType, String idempotencyKey, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    /** Both web adapters as their own tests wire them, in one application. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({OrderWebTestConfiguration.class, InventoryWebTestConfiguration.class})
    static class App {
    }
}
