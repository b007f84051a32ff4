package dev.orderflow.platform.web;

import dev.orderflow.testing.OrderFlowFixture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The real use cases on in-memory stores, and the error mapping, under every web adapter test. */
@TestConfiguration(proxyBeanMethods = false)
@Import(WebErrorConfiguration.class)
public class InMemoryFlowTestConfiguration {

    @Bean
    OrderFlowFixture flow() {
        return new OrderFlowFixture().withStock(OrderFlowFixture.WIDGET, 10);
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
