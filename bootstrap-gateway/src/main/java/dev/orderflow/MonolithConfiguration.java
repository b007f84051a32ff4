package dev.orderflow;

import dev.orderflow.inventory.wiring.InventoryCoreConfiguration;
import dev.orderflow.inventory.wiring.InventoryWebConfiguration;
import dev.orderflow.order.wiring.InProcessInventoryConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Monolith mode ({@code INVENTORY_MODE=embedded}): the inventory module runs in this process and the order module
 * calls its published use cases directly. Same code, one process, no network between the modules; the operators'
 * inventory API is served here too, since there is no processor to serve it. One more configuration, not a fork of the
 * code: it assembles both modules' wiring.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "orderflow.inventory.mode", havingValue = "embedded")
@Import({InventoryCoreConfiguration.class, InventoryWebConfiguration.class, InProcessInventoryConfiguration.class})
class MonolithConfiguration {
}
