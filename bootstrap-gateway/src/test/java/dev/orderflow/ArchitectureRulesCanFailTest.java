package dev.orderflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.orderflow.inventory.PublishedUseCaseUsingJackson;
import dev.orderflow.order.adapter.in.web.breaking.WebAdapterUsingTheStoreAdapter;
import dev.orderflow.order.adapter.out.dynamodb.OrderTable;
import dev.orderflow.order.application.breaking.UseCaseUsingAnAdapter;
import dev.orderflow.order.domain.breaking.DomainUsingSpring;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every architecture rule fails on a class that breaks it (test classes in the packages each rule guards), so none of
 * them passes because it selects nothing or checks the wrong thing.
 */
class ArchitectureRulesCanFailTest {

    private static final JavaClasses BREAKING = new ClassFileImporter().importClasses(DomainUsingSpring.class,
            PublishedUseCaseUsingJackson.class, UseCaseUsingAnAdapter.class, WebAdapterUsingTheStoreAdapter.class,
            OrderTable.class);

    static Stream<Arguments> rulesAndTheClassesThatBreakThem() {
        return Stream.of(
                Arguments.of(ArchitectureRules.DOMAIN_IS_PLAIN_JAVA, DomainUsingSpring.class),
                Arguments.of(ArchitectureRules.USE_CASES_KNOW_NO_TECHNOLOGY, PublishedUseCaseUsingJackson.class),
                Arguments.of(ArchitectureRules.USE_CASES_DO_NOT_KNOW_ADAPTERS, UseCaseUsingAnAdapter.class),
                Arguments.of(ArchitectureRules.ADAPTERS_DO_NOT_USE_EACH_OTHER, WebAdapterUsingTheStoreAdapter.class),
                Arguments.of(ArchitectureRules.APPLICATION_SERVICES_ARE_WIRED_NOT_ANNOTATED,
                        UseCaseUsingAnAdapter.class),
                Arguments.of(ArchitectureRules.ORDER_REACHES_INVENTORY_ONLY_THROUGH_ITS_PUBLISHED_API,
                        UseCaseUsingAnAdapter.class));
    }

    @ParameterizedTest(name = "{0} catches {1}")
    @MethodSource("rulesAndTheClassesThatBreakThem")
    void theRuleCatchesTheClassThatBreaksIt(ArchRule rule, Class<?> breaking) {
        EvaluationResult result = rule.evaluate(BREAKING);

        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains(breaking.getName()));
    }
}
