package dev.orderflow;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hexagon's rules (ArchitectureRules) on every class of the system: the gateway's class path holds both modules.
 * Empty rules fail (archunit.properties), so a rule aimed at a package that was renamed cannot pass silently; and
 * ArchitectureRulesCanFailTest shows each rule failing on a class that breaks it.
 */
class ArchitectureTest {

    private static final JavaClasses SYSTEM = new ClassFileImporter()
            .withImportOption(new ProductionClasses())
            .importPackages("dev.orderflow");

    static Stream<ArchRule> rules() {
        return Stream.of(ArchitectureRules.DOMAIN_IS_PLAIN_JAVA, ArchitectureRules.USE_CASES_KNOW_NO_TECHNOLOGY,
                ArchitectureRules.USE_CASES_DO_NOT_KNOW_ADAPTERS, ArchitectureRules.ADAPTERS_DO_NOT_USE_EACH_OTHER,
                ArchitectureRules.APPLICATION_SERVICES_ARE_WIRED_NOT_ANNOTATED,
                ArchitectureRules.ORDER_REACHES_INVENTORY_ONLY_THROUGH_ITS_PUBLISHED_API);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theSystemKeepsTheRule(ArchRule rule) {
        rule.check(SYSTEM);
    }
}
