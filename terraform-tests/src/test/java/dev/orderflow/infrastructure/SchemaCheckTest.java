package dev.orderflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The provider-schema half of terraform validate, on the real tree and on a broken fixture. */
class SchemaCheckTest {

    @Test
    void everyResourceArgumentAndBlockExistsInTheProviderAndEveryRequiredOneIsSet() {
        ProviderSchema schema = ProviderSchema.aws();
        TerraformTree tree = TerraformTree.infrastructure();

        assertThat(schema.providerVersion()).startsWith("6.");
        assertThat(tree.modules).containsKeys("bootstrap", "envs/dev", "envs/prod", "modules/network",
                "modules/ecs-cluster", "modules/ecs-service", "modules/dynamodb", "modules/iam", "modules/ecr",
                "modules/monitoring", "modules/github-oidc");
        assertThat(SchemaCheck.problems(tree, schema)).isEmpty();
    }

    @Test
    void theProviderPinMatchesTheSchemaTheCheckUses() {
        String version = ProviderSchema.aws().providerVersion();
        String minor = version.substring(0, version.lastIndexOf('.'));

        TerraformTree.infrastructure().modules.forEach((directory, module) -> {
            if (module.terraform.has("required_providers")) {
                assertThat(module.terraform.at("/required_providers/0/aws/version").asText())
                        .as(directory).isEqualTo("~> " + minor);
                assertThat(module.terraform.path("required_version").asText()).as(directory).isEqualTo(">= 1.10");
            }
        });
    }

    @Test
    void findsEachKindOfMistakeInABrokenFixture() {
        TerraformTree broken = TerraformTree.load(Repository.fixture("schema-broken"));

        assertThat(SchemaCheck.problems(broken, ProviderSchema.aws())).containsExactlyInAnyOrder(
                ".: resource type aws_vpcc does not exist in the AWS provider",
                ".: aws_ecs_service.broken: unknown argument or block \"desired_cont\"",
                ".: aws_ecs_service.broken.deployment_circuit_breaker: required argument \"rollback\" is not set",
                ".: aws_ecs_service.broken: dynamic \"load_balancers\" is not a nested block here",
                ".: aws_ecs_service.broken: lifecycle.ignore_changes names \"desired_counts\", not an argument",
                ".: aws_ecs_service.broken: required argument \"name\" is not set",
                ".: data source aws_no_such_thing does not exist in the AWS provider");
    }
}
