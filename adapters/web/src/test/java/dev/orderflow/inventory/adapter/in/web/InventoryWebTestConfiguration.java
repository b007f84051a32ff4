package dev.orderflow.inventory.adapter.in.web;

import dev.orderflow.platform.web.HealthController;
import dev.orderflow.platform.web.InMemoryFlowTestConfiguration;
import dev.orderflow.testing.OrderFlowFixture;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import reactor.core.publisher.Mono;

/** The processor's web adapter over the real inventory use cases on in-memory stores. */
@TestConfiguration(proxyBeanMethods = false)
@Import(InMemoryFlowTestConfiguration.class)
public class InventoryWebTestConfiguration {

    @Bean
    AtomicBoolean storeUp() {
        return new AtomicBoolean(true);
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

    @Bean
    HealthController healthController(AtomicBoolean storeUp) {
        return new HealthController(() -> Mono.fromSupplier(storeUp::get));
    }
}
