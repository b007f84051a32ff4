package dev.orderflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
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

    private static List<PolicyStatements.Statement> deployWrites() {
        return PolicyStatements.of(TerraformTree.infrastructure().module("modules/github-oidc"), "write");
    }

    private static boolean allowedToDev(PolicyStatements.Statement statement, String arn) {
        return statement.resources().stream().anyMatch(pattern -> DeployRolePolicyTest.matches(pattern, arn));
    }

    /** Roles the deploy role makes carry a boundary it cannot change, so it cannot grant itself more through them. */
    @Test
    void theDeployRoleMakesRolesOnlyWithinTheEnvironmentsBoundary() {
        Set<String> escalating = Set.of("iam:CreateRole", "iam:PutRolePolicy", "iam:PutRolePermissionsBoundary");
        for (PolicyStatements.Statement statement : deployWrites()) {
            if (statement.actions().stream().anyMatch(escalating::contains)) {
                assertThat(statement.actions()).as(statement.sid()).containsExactlyInAnyOrderElementsOf(escalating);
                assertThat(statement.conditions().toString()).as(statement.sid())
                        .contains("iam:PermissionsBoundary", "${aws_iam_policy.boundary.arn}");
            }
            assertThat(statement.actions()).as(statement.sid()).doesNotContain("iam:AttachRolePolicy",
                    "iam:DeleteRolePermissionsBoundary", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion");
        }
        TerraformTree tree = TerraformTree.infrastructure();
        assertThat(tree.module("modules/github-oidc").resource("aws_iam_policy", "boundary").get("name").asText())
                .isEqualTo("${local.prefix}-role-boundary");
        assertThat(tree.module("modules/iam").locals.get("permissions_boundary").asText())
                .endsWith(":policy/${var.name_prefix}-role-boundary");
        assertThat(tree.module("modules/orderflow").call("iam").get("name_prefix").asText()).isEqualTo("${local.name}");
        assertThat(tree.module("modules/orderflow").locals.get("name").asText())
                .isEqualTo(tree.module("modules/github-oidc").locals.get("prefix").asText());
        assertThat(tree.module("modules/iam").resources("aws_iam_role")).hasSize(4).allSatisfy((name, role) ->
                assertThat(role.path("permissions_boundary").asText()).as(name).isEqualTo("${local.permissions_boundary}"));
        assertThat(PolicyStatements.of(tree.module("modules/github-oidc"), "boundary"))
                .allSatisfy(statement -> assertThat(statement.actions()).noneMatch(action -> action.startsWith("iam:")
                        || action.startsWith("sts:")));
    }

    /** ECS, load balancing and Auto Scaling resources are named after the environment; the role reaches only its own. */
    @Test
    void theDeployRoleChangesOnlyItsOwnEnvironmentsContainersLoadBalancerAndInstances() {
        Set<String> noResourceLevel = Set.of("ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition");
        String ecs = "arn:aws:ecs:eu-west-1:111122223333:";
        String elb = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:";
        String asg = "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9"
                + ":autoScalingGroupName/";
        for (PolicyStatements.Statement statement : deployWrites()) {
            boolean scoped = statement.actions().stream().anyMatch(action -> action.startsWith("ecs:")
                    || action.startsWith("elasticloadbalancing:") || action.startsWith("autoscaling:"));
            if (!scoped) {
                continue;
            }
            if (statement.resources().contains("*")) {
                assertThat(statement.actions()).as(statement.sid()).isSubsetOf(noResourceLevel);
                continue;
            }
            for (String env : List.of("dev", "prod")) {
                boolean own = env.equals("dev");
                List<String> arns = List.of(ecs + "cluster/orderflow-" + env, ecs + "service/orderflow-" + env
                        + "/order-gateway", ecs + "task-definition/orderflow-" + env + "-order-gateway:7",
                        elb + "loadbalancer/app/orderflow-" + env + "-order-gateway/50dc6c495c0c9188",
                        elb + "targetgroup/orderflow-" + env + "-order-gateway/73e2d6bc24d8a067",
                        asg + "orderflow-" + env);
                assertThat(arns.stream().anyMatch(arn -> allowedToDev(statement, arn))).as(statement.sid() + " " + env)
                        .isEqualTo(own);
            }
        }
    }

    /** EC2 resources have generated ids: their changes are limited by the Environment tag, only creation is open. */
    @Test
    void ec2ChangesOnlyResourcesTaggedWithTheEnvironment() {
        Set<String> creating = Set.of("ec2:AllocateAddress", "ec2:CreateInternetGateway", "ec2:CreateLaunchTemplate",
                "ec2:CreateNatGateway", "ec2:CreateRouteTable", "ec2:CreateSecurityGroup", "ec2:CreateSubnet",
                "ec2:CreateVpc", "ec2:CreateVpcEndpoint", "ec2:RunInstances");
        for (PolicyStatements.Statement statement : deployWrites()) {
            List<String> ec2 = statement.actions().stream().filter(action -> action.startsWith("ec2:")).toList();
            if (ec2.isEmpty() || ec2.stream().allMatch(creating::contains)) {
                continue;
            }
            String conditions = statement.conditions().toString();
            if (ec2.equals(List.of("ec2:CreateTags")) && conditions.contains("ec2:CreateAction")) {
                continue;
            }
            assertThat(conditions).as(statement.sid()).contains("aws:ResourceTag/Environment", "${var.environment}");
        }
        for (String env : List.of("envs/dev", "envs/prod")) {
            assertThat(TerraformTree.infrastructure().module(env).providers.toString()).as(env)
                    .contains("\"Environment\":\"" + env.substring(5) + "\"");
        }
    }

    /** Only prod has a customer managed key; dev's deploy role gets no KMS action. */
    @Test
    void onlyProdsDeployRoleManagesAKey() {
        assertThat(deployWrites()).allSatisfy(statement ->
                assertThat(statement.actions()).noneMatch(action -> action.startsWith("kms:")));
        JsonNode keyStatement = TerraformTree.infrastructure().module("modules/github-oidc")
                .data("aws_iam_policy_document").get("write").at("/dynamic/statement/0");
        assertThat(keyStatement.get("for_each").asText()).isEqualTo("${var.environment == \"prod\" ? [\"TableKey\"] : []}");
        assertThat(keyStatement.at("/content/0/actions").toString()).contains("kms:ScheduleKeyDeletion");
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
