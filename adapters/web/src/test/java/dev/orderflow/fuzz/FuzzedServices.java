package dev.orderflow.fuzz;

import dev.orderflow.inventory.adapter.in.web.InventoryController;
import dev.orderflow.inventory.adapter.in.web.InventoryProblemHandler;
import dev.orderflow.inventory.adapter.in.web.ProcessorController;
import dev.orderflow.order.adapter.in.web.OrderController;
import dev.orderflow.order.adapter.in.web.OrderProblemHandler;
import dev.orderflow.platform.web.WebErrorConfiguration;
import dev.orderflow.testing.OrderFlowFixture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
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
        flow = context.getBean(OrderFlowFixture.class);
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

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(WebErrorConfiguration.class)
    static class App {

        @Bean
        OrderFlowFixture flow() {
            return new OrderFlowFixture().withStock(OrderFlowFixture.WIDGET, 1_000_000);
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        OrderController orderController(OrderFlowFixture flow, MeterRegistry meters) {
            return new OrderController(flow.placeOrder, flow.getOrder, meters);
        }

        @Bean
        OrderProblemHandler orderProblemHandler() {
            return new OrderProblemHandler();
        }

        @Bean
        ProcessorController processorController(OrderFlowFixture flow, MeterRegistry meters) {
            return new ProcessorController(flow.reserveStock, flow.reserveStock, meters);
        }

        @Bean
        InventoryController inventoryController(OrderFlowFixture flow) {
            return new InventoryController(flow.inventoryService, flow.inventoryService);
        }

        @Bean
        InventoryProblemHandler inventoryProblemHandler() {
            return new InventoryProblemHandler();
        }
    }
}
