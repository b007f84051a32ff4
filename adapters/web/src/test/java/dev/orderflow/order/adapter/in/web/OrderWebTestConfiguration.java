package dev.orderflow.order.adapter.in.web;

import dev.orderflow.platform.web.InMemoryFlowTestConfiguration;
import dev.orderflow.testing.OrderFlowFixture;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The gateway's web adapter over the real use cases on in-memory stores, as the bootstrap wires it. */
@TestConfiguration(proxyBeanMethods = false)
@Import(InMemoryFlowTestConfiguration.class)
public class OrderWebTestConfiguration {

    @Bean
    OrderController orderController(OrderFlowFixture flow, MeterRegistry meters) {
        return new OrderController(flow.placeOrder, flow.getOrder, meters);
    }

    @Bean
    OrderProblemHandler orderProblemHandler() {
        return new OrderProblemHandler();
    }
}
