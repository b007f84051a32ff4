package dev.orderflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the deploy role's write policy lets terraform apply do, checked against the names AWS really uses. */
class DeployRolePolicyTest {

    private static final String DEV = "orderflow-dev";

    private static PolicyStatements.Statement statement(String sid) {
        return PolicyStatements.of(TerraformTree.infrastructure().module("modules/github-oidc"), "write").stream()
                .filter(statement -> statement.sid().equals(sid)).findFirst().orElseThrow();
    }

    /** Whether an IAM resource pattern of the dev role, its locals filled in, matches an ARN (* and ? as IAM means). */
    static boolean matches(String pattern, String arn) {
        JsonNode locals = TerraformTree.infrastructure().module("modules/github-oidc").locals;
        for (String local : List.of("ecs_arn", "elb_arn")) {
            pattern = pattern.replace("${local." + local + "}", locals.get(local).asText());
        }
        String filled = pattern.replace("${local.arn}", "arn:aws").replace("${local.region}", "eu-west-1")
                .replace("${local.account}", "111122223333").replace("${local.prefix}", DEV);
        StringBuilder regex = new StringBuilder();
        for (char c : filled.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(Character.toString(c)));
        }
        return arn.matches(regex.toString());
    }

    private static boolean allowed(PolicyStatements.Statement statement, String arn) {
        return statement.resources().stream().anyMatch(pattern -> matches(pattern, arn));
    }

    /**
     * Target tracking policies make Application Auto Scaling create alarms named after the scalable target, with the
     * caller's cloudwatch permissions: without them PutScalingPolicy is refused.
     */
    @Test
    void theDeployRoleManagesTheAlarmsOfItsTargetTrackingPolicies() {
        PolicyStatements.Statement observability = statement("Observability");
        String alarm = "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:";

        assertThat(observability.actions()).contains("cloudwatch:PutMetricAlarm", "cloudwatch:DeleteAlarms");
        for (String name : List.of(
                "TargetTracking-service/orderflow-dev/order-gateway-AlarmHigh-2f7c1a3e-5b0d-4f8e-9a61-0c3d5e7f9b21",
                "TargetTracking-service/orderflow-dev/order-processor-AlarmLow-6a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9",
                "TargetTracking-table/orderflow-dev-orders-ProvisionedCapacityHigh-1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901",
                "TargetTracking-table/orderflow-dev-orders/index/pending-orders-AlarmHigh-0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9",
                "orderflow-dev-alb-5xx")) {
            assertThat(allowed(observability, alarm + name)).as(name).isTrue();
        }
        for (String name : List.of(
                "TargetTracking-service/orderflow-prod/order-gateway-AlarmHigh-2f7c1a3e-5b0d-4f8e-9a61-0c3d5e7f9b21",
                "TargetTracking-table/orderflow-prod-orders-AlarmHigh-1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901",
                "TargetTracking-service/other/orderflow-dev-AlarmHigh-1", "orderflow-prod-alb-5xx")) {
            assertThat(allowed(observability, alarm + name)).as(name).isFalse();
        }
    }
}
