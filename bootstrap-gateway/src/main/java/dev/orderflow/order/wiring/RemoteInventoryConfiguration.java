package dev.orderflow.order.wiring;

import dev.orderflow.order.adapter.out.processor.FixedProcessorEndpoint;
import dev.orderflow.order.adapter.out.processor.HttpStockReservations;
import dev.orderflow.order.adapter.out.processor.ProcessorEndpoint;
import dev.orderflow.order.adapter.out.processor.SrvProcessorEndpoint;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Split mode (the default): the inventory is the processor service, reached over HTTP with the Resilience4j
 * instances named {@code processor} in application.yml. Spring Boot's WebClient.Builder carries the tracing
 * instrumentation, which is what propagates W3C {@code traceparent} to the processor.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "orderflow.inventory.mode", havingValue = "remote", matchIfMissing = true)
class RemoteInventoryConfiguration {

    static final String INSTANCE = "processor";
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    ProcessorEndpoint processorEndpoint(GatewayProperties properties) {
        return properties.srvDiscovery()
                ? new SrvProcessorEndpoint(properties.srvEndpoint(), properties.processorUrl().getScheme())
                : new FixedProcessorEndpoint(properties.processorUrl());
    }

    @Bean
    HttpStockReservations httpStockReservations(WebClient.Builder webClients, ProcessorEndpoint endpoint,
                                                CircuitBreakerRegistry circuitBreakers, RetryRegistry retries,
                                                BulkheadRegistry bulkheads, GatewayProperties properties) {
        // Reactor Netty waits 30 s for a connection by default, so a processor that takes none (a black-holed
        // address, a dead node) would read as slow, never as down; within half the attempt it reads as unreachable,
        // an outage for the breaker.
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) properties.attemptTimeout().dividedBy(2).toMillis());
        WebClient client = webClients.clone().clientConnector(new ReactorClientHttpConnector(http)).build();
        return new HttpStockReservations(client, endpoint, circuitBreakers.circuitBreaker(INSTANCE),
                retries.retry(INSTANCE), bulkheads.bulkhead(INSTANCE), properties.attemptTimeout());
    }

    /** Asks the processor's own {@code /health}, outside the circuit breaker so probing never trips it. */
    @Bean
    InventoryProbe inventoryProbe(WebClient.Builder webClients, ProcessorEndpoint endpoint) {
        WebClient client = webClients.build();
        return () -> endpoint.baseUri()
                .flatMap(base -> client.get().uri(base.resolve("/health")).retrieve().toBodilessEntity())
                .map(response -> response.getStatusCode().is2xxSuccessful())
                .timeout(HEALTH_TIMEOUT)
                .onErrorResume(e -> Mono.just(false));
    }
}
