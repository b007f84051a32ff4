package dev.orderflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The processor runs the inventory module. The order module's classes are on its class path too (they share the
 * domain and application jars), but nothing of the inventory may depend on them.
 */
class ProcessorModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(ProcessorApplication.class, new ProductionClasses());

    @Test
    void modulesRespectEachOthersBoundaries() {
        modules.verify();
    }

    @Test
    void inventoryDependsOnNothingOfTheOrderModule() {
        ApplicationModule inventory = modules.getModuleByName("inventory").orElseThrow();
        ApplicationModule order = modules.getModuleByName("order").orElseThrow();

        assertThat(inventory.getBootstrapDependencies(modules)).doesNotContain(order);
        assertThat(inventory.getDirectDependencies(modules).uniqueModules()).doesNotContain(order);
        assertThat(order.getDirectDependencies(modules).uniqueModules())
                .as("the same question asked the other way finds the dependency that exists").contains(inventory);
    }
}
