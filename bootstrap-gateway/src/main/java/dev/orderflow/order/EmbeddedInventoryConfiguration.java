package dev.orderflow.order;

import dev.orderflow.inventory.FindReservationUseCase;
import dev.orderflow.inventory.InventoryCoreConfiguration;
import dev.orderflow.inventory.InventoryWebConfiguration;
import dev.orderflow.inventory.ReserveStockUseCase;
import dev.orderflow.order.adapter.out.inprocess.InProcessStockReservations;
import dev.orderflow.platform.dynamodb.DynamoDbTablesHealthIndicator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Monolith mode ({@code INVENTORY_MODE=embedded}): the inventory module runs in this process and the order
 * module calls its published use cases directly. Same code, one process, no network between the modules. The
 * operators' inventory API is served here too, since there is no processor to serve it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "orderflow.inventory.mode", havingValue = "embedded")
@Import({InventoryCoreConfiguration.class, InventoryWebConfiguration.class})
class EmbeddedInventoryConfiguration {

    @Bean
    InProcessStockReservations inProcessStockReservations(ReserveStockUseCase reserve, FindReservationUseCase find) {
        return new InProcessStockReservations(reserve, find);
    }

    @Bean
    InventoryProbe inventoryProbe(@Qualifier("inventoryTablesHealthIndicator") DynamoDbTablesHealthIndicator tables) {
        return tables::isUp;
    }
}
