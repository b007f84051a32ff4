package dev.orderflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagon's rules, named so that both the check of the system and the proof that each rule can fail use the very
 * same rule. The Maven modules already forbid most wrong dependencies; these catch what Maven cannot see, such as one
 * adapter using another's internals inside the same Maven module.
 */
final class ArchitectureRules {

    private static final String[] FRAMEWORKS = {"org.springframework..", "software.amazon..", "com.fasterxml..",
        "io.github.resilience4j..", "io.micrometer..", "io.netty..", "org.slf4j..", "com.netflix.."};

    /**
     * Where use cases and their ports live: the modules' application and port packages, the inventory's published
     * API (its base package: the use cases the order module calls), and the port-level store failures.
     */
    private static final String[] USE_CASES = {"..application..", "..port..", "dev.orderflow.inventory",
        "dev.orderflow.platform.store.."};

    static final ArchRule DOMAIN_IS_PLAIN_JAVA = classes()
            .that().resideInAnyPackage("..domain..", "dev.orderflow.shared..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.orderflow.shared..",
                    "dev.orderflow.order.domain..", "dev.orderflow.inventory.domain..", "dev.orderflow.inventory");

    static final ArchRule USE_CASES_KNOW_NO_TECHNOLOGY = noClasses()
            .that().resideInAnyPackage(USE_CASES)
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);

    static final ArchRule USE_CASES_DO_NOT_KNOW_ADAPTERS = noClasses()
            .that().resideInAnyPackage("..domain..", "..application..", "..port..", "dev.orderflow.inventory")
            .should().dependOnClassesThat().resideInAPackage("..adapter..");

    static final ArchRule ADAPTERS_DO_NOT_USE_EACH_OTHER = slices()
            .matching("dev.orderflow.(*).adapter.(*).(*)..")
            .should().notDependOnEachOther();

    static final ArchRule APPLICATION_SERVICES_ARE_WIRED_NOT_ANNOTATED = noClasses()
            .that().resideInAnyPackage("..application..", "..domain..")
            .should().beAnnotatedWith("org.springframework.stereotype.Component")
            .orShould().beAnnotatedWith("org.springframework.stereotype.Service");

    static final ArchRule ORDER_REACHES_INVENTORY_ONLY_THROUGH_ITS_PUBLISHED_API = noClasses()
            .that().resideInAPackage("dev.orderflow.order..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.orderflow.inventory.*..");

    private ArchitectureRules() {
    }
}
