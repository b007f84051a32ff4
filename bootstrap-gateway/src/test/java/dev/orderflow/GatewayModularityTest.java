package dev.orderflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Spring Modulith's view of the gateway, which holds both modules (the inventory for monolith mode): no cycles,
 * and the order module uses only the inventory's published API (its base package).
 */
class GatewayModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(GatewayApplication.class);

    @Test
    void modulesRespectEachOthersBoundaries() {
        assertThat(modules.stream().map(ApplicationModule::getName)).contains("order", "inventory", "shared");
        modules.verify();
    }

    @Test
    void orderDependsOnInventoryOnlyThroughItsPublishedApi() {
        ApplicationModule order = modules.getModuleByName("order").orElseThrow();
        ApplicationModule inventory = modules.getModuleByName("inventory").orElseThrow();

        assertThat(order.getBootstrapDependencies(modules)).contains(inventory);
        assertThat(inventory.getBootstrapDependencies(modules)).doesNotContain(order);
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
