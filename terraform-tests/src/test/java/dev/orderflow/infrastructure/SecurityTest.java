package dev.orderflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The security rules hold for the whole tree, and catch each kind of mistake in an insecure fixture. */
class SecurityTest {

    @Test
    void theInfrastructureBreaksNoSecurityRule() {
        assertThat(SecurityRules.violations(TerraformTree.infrastructure())).isEmpty();
    }

    @Test
    void onlyTheLoadBalancerListenersAreOpenToTheInternetAndOnlyOn80And443() {
        JsonNode ports = TerraformTree.infrastructure().module("modules/network").variables.get("alb_listener_ports");

        assertThat(ports.get("default").toString()).isEqualTo("[80,443]");
        assertThat(ports.at("/validation/0/condition").asText()).contains("contains([80, 443], port)");
    }

    @Test
    void theDeployRoleCannotChangeItsOwnPermissions() {
        JsonNode locals = TerraformTree.infrastructure().module("modules/github-oidc").locals;

        assertThat(locals.get("prefix").asText()).isEqualTo("orderflow-${var.environment}");
        assertThat(locals.get("role_name").asText()).isEqualTo("github-${local.prefix}")
                .doesNotStartWith("${local.prefix}");
    }

    @Test
    void ecsExecIsOffUnlessAskedFor() {
        TerraformTree tree = TerraformTree.infrastructure();

        assertThat(tree.module("modules/ecs-service").variables.get("enable_execute_command").get("default").asBoolean()).isFalse();
        assertThat(tree.module("modules/orderflow").variables.get("enable_execute_command").get("default").asBoolean()).isFalse();
        assertThat(tree.module("envs/dev").call("orderflow").has("enable_execute_command")).isFalse();
        assertThat(tree.module("envs/prod").call("orderflow").has("enable_execute_command")).isFalse();
    }

    @Test
    void eachKindOfMistakeIsCaught() {
        TerraformTree insecure = TerraformTree.load(Repository.fixture("insecure"));

        assertThat(SecurityRules.violations(insecure)).containsExactlyInAnyOrder(
                ".: launch template open does not require IMDSv2",
                ".: launch template open lets containers reach the instance metadata",
                ".: launch template open has an unencrypted volume",
                ".: table plain has no point-in-time recovery",
                ".: table plain is not encrypted with KMS",
                ".: security group inline has inline rules (use one rule resource each)",
                ".: ingress rule ssh is open to the internet",
                ".: repository mutable has mutable tags",
                ".: repository mutable does not scan on push",
                ".: bucket state has no default encryption",
                ".: bucket state does not block public access",
                ".: bucket state accepts plain HTTP",
                ".: load balancer lax passes invalid headers on",
                ".: data.aws_iam_policy_document.everything: wildcard action dynamodb:*",
                ".: data.aws_iam_policy_document.any_branch: OIDC trust is not limited to an exact audience and subject");
    }
}
