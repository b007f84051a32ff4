package dev.orderflow.inventory;

import dev.orderflow.inventory.adapter.in.web.ProcessorController;
import dev.orderflow.inventory.application.ReserveStockService;
import dev.orderflow.platform.dynamodb.DynamoDbTablesHealthIndicator;
import dev.orderflow.platform.web.HealthController;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The processor's HTTP API: reservations for the gateway, plus the operators' inventory API. */
@Configuration(proxyBeanMethods = false)
@Import(InventoryWebConfiguration.class)
public class ProcessorWebConfiguration {

    @Bean
    ProcessorController processorController(ReserveStockService reserveStock, MeterRegistry meters) {
        return new ProcessorController(reserveStock, reserveStock, meters);
    }

    @Bean
    HealthController processorHealthController(
            @Qualifier("inventoryTablesHealthIndicator") DynamoDbTablesHealthIndicator tables) {
        return new HealthController(tables::isUp);
    }
}
