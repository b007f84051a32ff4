package dev.orderflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Spring Modulith's view of the gateway, which holds both modules (the inventory for monolith mode): no cycles, and
 * the order module uses only the inventory's published API (its base package), which verify() checks; the monolith's
 * assembly reaches the modules' wiring through their named interfaces only.
 */
class GatewayModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(GatewayApplication.class, new ProductionClasses());

    @Test
    void modulesRespectEachOthersBoundaries() {
        assertThat(modules.stream().map(ApplicationModule::getName)).contains("order", "inventory", "shared");
        modules.verify();
    }

    @Test
    void orderDependsOnInventoryAndNeverTheOtherWayRound() {
        ApplicationModule order = modules.getModuleByName("order").orElseThrow();
        ApplicationModule inventory = modules.getModuleByName("inventory").orElseThrow();

        assertThat(order.getDirectDependencies(modules).uniqueModules()).contains(inventory);
        assertThat(inventory.getDirectDependencies(modules).uniqueModules()).doesNotContain(order);
        assertThat(inventory.getBootstrapDependencies(modules)).doesNotContain(order);
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
