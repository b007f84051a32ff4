package dev.orderflow.inventory.wiring;

import dev.orderflow.inventory.adapter.in.web.ProcessorController;
import dev.orderflow.inventory.application.ReserveStockService;
import dev.orderflow.platform.dynamodb.DynamoDbTablesHealthIndicator;
import dev.orderflow.platform.web.AdmissionControlFilter;
import dev.orderflow.platform.web.AdmissionProperties;
import dev.orderflow.platform.web.HealthController;
import dev.orderflow.platform.web.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The processor's HTTP API: reservations for the gateway, plus the operators' inventory API. */
@Configuration(proxyBeanMethods = false)
@Import(InventoryWebConfiguration.class)
@EnableConfigurationProperties(AdmissionProperties.class)
public class ProcessorWebConfiguration {

    /** Reservations beyond what the processor can decide in time are refused at once, before anything is written. */
    @Bean
    AdmissionControlFilter reservationAdmission(AdmissionProperties admission, ProblemWriter problems,
                                                MeterRegistry meters) {
        return admission.filterFor(Set.of("/process-order", "/withdraw-order"), problems, meters);
    }

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
