package dev.orderflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The hexagon's rules on every class of the system (the gateway's classpath holds both modules). The Maven
 * modules already forbid most wrong dependencies; these rules catch what Maven cannot see, such as one adapter
 * using another's internals inside the same Maven module. Empty rules fail (archunit.properties), so a rule
 * aimed at a package that was renamed cannot pass silently.
 */
class ArchitectureTest {

    private static final JavaClasses SYSTEM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.orderflow");

    private static final String[] FRAMEWORKS = {"org.springframework..", "software.amazon..", "com.fasterxml..",
        "io.github.resilience4j..", "io.micrometer..", "io.netty..", "org.slf4j.."};

    @Test
    void domainIsPlainJava() {
        classes()
                .that().resideInAnyPackage("..domain..", "dev.orderflow.shared..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.orderflow.shared..",
                        "dev.orderflow.order.domain..", "dev.orderflow.inventory.domain..", "dev.orderflow.inventory")
                .check(SYSTEM);
    }

    @Test
    void useCasesKnowNoTechnology() {
        noClasses()
                .that().resideInAnyPackage("..application..", "..port..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .check(SYSTEM);
    }

    @Test
    void useCasesDoNotKnowAdapters() {
        noClasses()
                .that().resideInAnyPackage("..domain..", "..application..", "..port..")
                .should().dependOnClassesThat().resideInAPackage("..adapter..")
                .check(SYSTEM);
    }

    @Test
    void adaptersDoNotUseEachOther() {
        slices()
                .matching("dev.orderflow.(*).adapter.(*).(*)..")
                .should().notDependOnEachOther()
                .check(SYSTEM);
    }

    @Test
    void applicationServicesAreWiredNotAnnotated() {
        noClasses()
                .that().resideInAnyPackage("..application..", "..domain..")
                .should().beAnnotatedWith("org.springframework.stereotype.Component")
                .orShould().beAnnotatedWith("org.springframework.stereotype.Service")
                .check(SYSTEM);
    }

    @Test
    void orderReachesInventoryOnlyThroughItsPublishedApi() {
        noClasses()
                .that().resideInAPackage("dev.orderflow.order..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.orderflow.inventory.*..")
                .check(SYSTEM);
    }
}
