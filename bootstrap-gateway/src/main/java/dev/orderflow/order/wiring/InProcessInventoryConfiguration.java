package dev.orderflow.order.wiring;

import dev.orderflow.inventory.FindReservationUseCase;
import dev.orderflow.inventory.ReserveStockUseCase;
import dev.orderflow.order.adapter.out.inprocess.InProcessStockReservations;
import dev.orderflow.platform.dynamodb.DynamoDbTablesHealthIndicator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order module's side of monolith mode: it reaches the inventory through the inventory's published use cases,
 * in this process. Imported by the gateway's MonolithConfiguration together with the inventory's own wiring.
 */
@Configuration(proxyBeanMethods = false)
public class InProcessInventoryConfiguration {

    @Bean
    InProcessStockReservations inProcessStockReservations(ReserveStockUseCase reserve, FindReservationUseCase find) {
        return new InProcessStockReservations(reserve, find);
    }

    @Bean
    InventoryProbe inventoryProbe(@Qualifier("inventoryTablesHealthIndicator") DynamoDbTablesHealthIndicator tables) {
        return tables::isUp;
    }
}
