package dev.orderflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain is plain Java: no framework, no SDK, no serialization library may creep in. */
class DomainPurityTest {

    private final JavaClasses domain = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.orderflow");

    @Test
    void domainDependsOnTheJdkAndItselfOnly() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.orderflow..")
                .allowEmptyShould(false)
                .check(domain);
    }
}
