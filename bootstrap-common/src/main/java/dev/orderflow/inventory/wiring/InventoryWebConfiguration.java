package dev.orderflow.inventory.wiring;

import dev.orderflow.inventory.adapter.in.web.InventoryController;
import dev.orderflow.inventory.adapter.in.web.InventoryProblemHandler;
import dev.orderflow.inventory.application.InventoryService;
import dev.orderflow.platform.web.WebErrorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The operators' inventory API ({@code GET/PUT /inventory/{product_id}}), served wherever the inventory module
 * runs: by the processor, or by the gateway in monolith mode.
 */
@Configuration(proxyBeanMethods = false)
@Import(WebErrorConfiguration.class)
public class InventoryWebConfiguration {

    @Bean
    InventoryController inventoryController(InventoryService inventory) {
        return new InventoryController(inventory, inventory);
    }

    @Bean
    InventoryProblemHandler inventoryProblemHandler() {
        return new InventoryProblemHandler();
    }
}
