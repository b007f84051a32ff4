package dev.orderflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The EventBridge rule that mails failed deployments and unplaceable tasks, applied to events shaped as AWS documents
 * them (the ECS developer guide's examples of "ECS Deployment State Change" and "ECS Service Action"). The matcher
 * covers the pattern features the rule uses: lists of values and prefix matching.
 */
class EcsEventRuleTest {

    private static final String ACCOUNT = "111122223333";
    private static final String REGION = "eu-west-1";

    private static JsonNode pattern() throws IOException {
        TerraformTree.Module monitoring = TerraformTree.infrastructure().module("modules/monitoring");
        assertThat(monitoring.resource("aws_cloudwatch_event_rule", "ecs_failures").get("event_pattern").asText())
                .isEqualTo("${jsonencode(local.ecs_failure_events)}");
        String filled = monitoring.locals.get("ecs_failure_events").toString()
                .replace("${data.aws_partition.current.partition}", "aws")
                .replace("${data.aws_region.current.region}", REGION)
                .replace("${data.aws_caller_identity.current.account_id}", ACCOUNT)
                .replace("${var.cluster_name}", "orderflow-dev");
        return TerraformTree.JSON.readTree(filled);
    }

    private static JsonNode deploymentEvent(String cluster, String eventType) throws IOException {
        return TerraformTree.JSON.readTree("""
                {"version":"0","id":"ddca6449-b258-46c0-8653-e0e3a6d0468b","detail-type":"ECS Deployment State Change",
                 "source":"aws.ecs","account":"%1$s","time":"2026-11-23T12:00:00Z","region":"%2$s",
                 "resources":["arn:aws:ecs:%2$s:%1$s:service/%3$s/order-gateway"],
                 "detail":{"eventType":"%4$s","eventName":"SERVICE_DEPLOYMENT_FAILED",
                   "deploymentId":"ecs-svc/123","updatedAt":"2026-11-23T12:00:00Z",
                   "reason":"ECS deployment circuit breaker: tasks failed to start."}}
                """.formatted(ACCOUNT, REGION, cluster, eventType));
    }

    private static JsonNode serviceActionEvent(String cluster) throws IOException {
        return TerraformTree.JSON.readTree("""
                {"version":"0","id":"57c9506e-9d21-294c-d2fe-e8738da7e67d","detail-type":"ECS Service Action",
                 "source":"aws.ecs","account":"%1$s","time":"2026-11-23T12:00:00Z","region":"%2$s",
                 "resources":["arn:aws:ecs:%2$s:%1$s:service/%3$s/order-processor"],
                 "detail":{"eventType":"WARN","eventName":"SERVICE_TASK_PLACEMENT_FAILURE",
                   "clusterArn":"arn:aws:ecs:%2$s:%1$s:cluster/%3$s","reasons":["RESOURCE:MEMORY"],
                   "createdAt":"2026-11-23T12:00:00Z"}}
                """.formatted(ACCOUNT, REGION, cluster));
    }

    /** EventBridge's rule: every field of the pattern matches; a list matches when any element does. */
    static boolean matches(JsonNode pattern, JsonNode event) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = event.get(field.getKey());
            if (value == null) {
                return false;
            }
            if (field.getValue().isObject()) {
                if (!matches(field.getValue(), value)) {
                    return false;
                }
            } else if (!anyMatches(field.getValue(), value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatches(JsonNode alternatives, JsonNode value) {
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (anyMatches(alternatives, element)) {
                    return true;
                }
            }
            return false;
        }
        for (JsonNode alternative : alternatives) {
            boolean hit = alternative.has("prefix") ? value.asText().startsWith(alternative.get("prefix").asText())
                    : alternative.asText().equals(value.asText());
            if (hit) {
                return true;
            }
        }
        return false;
    }

    @Test
    void failedDeploymentsAndPlacementFailuresOfTheClusterMatch() throws IOException {
        assertThat(matches(pattern(), deploymentEvent("orderflow-dev", "ERROR"))).isTrue();
        assertThat(matches(pattern(), serviceActionEvent("orderflow-dev"))).isTrue();
    }

    @Test
    void otherClustersAndSuccessfulDeploymentsDoNot() throws IOException {
        assertThat(matches(pattern(), deploymentEvent("orderflow-prod", "ERROR"))).isFalse();
        assertThat(matches(pattern(), deploymentEvent("orderflow-dev-2", "ERROR"))).isFalse();
        assertThat(matches(pattern(), deploymentEvent("orderflow-dev", "INFO"))).isFalse();
        assertThat(matches(pattern(), serviceActionEvent("orderflow-prod"))).isFalse();
    }
}
