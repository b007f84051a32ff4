package dev.orderflow;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The hexagon's rules (ArchitectureRules) on every class of the system: the gateway's class path holds both modules.
 * Empty rules fail (archunit.properties), so a rule aimed at a package that was renamed cannot pass silently; and
 * ArchitectureRulesCanFailTest shows each rule failing on a class that breaks it.
 */
class ArchitectureTest {

    private static final JavaClasses SYSTEM = new ClassFileImporter()
            .withImportOption(new ProductionClasses())
            .importPackages("dev.orderflow");

    @Test
    void domainIsPlainJava() {
        ArchitectureRules.DOMAIN_IS_PLAIN_JAVA.check(SYSTEM);
    }

    @Test
    void useCasesKnowNoTechnology() {
        ArchitectureRules.USE_CASES_KNOW_NO_TECHNOLOGY.check(SYSTEM);
    }

    @Test
    void useCasesDoNotKnowAdapters() {
        ArchitectureRules.USE_CASES_DO_NOT_KNOW_ADAPTERS.check(SYSTEM);
    }

    @Test
    void adaptersDoNotUseEachOther() {
        ArchitectureRules.ADAPTERS_DO_NOT_USE_EACH_OTHER.check(SYSTEM);
    }

    @Test
    void applicationServicesAreWiredNotAnnotated() {
        ArchitectureRules.APPLICATION_SERVICES_ARE_WIRED_NOT_ANNOTATED.check(SYSTEM);
    }

    @Test
    void orderReachesInventoryOnlyThroughItsPublishedApi() {
        ArchitectureRules.ORDER_REACHES_INVENTORY_ONLY_THROUGH_ITS_PUBLISHED_API.check(SYSTEM);
    }
}
