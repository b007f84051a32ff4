package dev.orderflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The provider-free half of terraform validate, on the real tree and on a broken fixture. */
class ReferenceCheckTest {

    @Test
    void everyReferenceResolvesAndEveryModuleCallMatchesItsVariables() {
        assertThat(ReferenceCheck.problems(TerraformTree.infrastructure())).isEmpty();
    }

    @Test
    void findsEachKindOfMistakeInABrokenFixture() {
        TerraformTree broken = TerraformTree.load(Repository.fixture("references-broken"));

        assertThat(ReferenceCheck.problems(broken)).containsExactlyInAnyOrder(
                ".: variable undocumented has no description",
                ".: output undescribed has no description",
                ".: module child sets unknown_arg, which child does not declare",
                ".: module child does not set the required variable required",
                ".: var.undeclared is not declared",
                ".: local.missing is not defined",
                ".: module.child.nope is not an output of child",
                ".: data.aws_region.missing is not declared",
                ".: aws_vpc.missing is not declared");
    }
}
