package dev.orderflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the public ALB lets the internet reach: the API, never the health probes the services serve beside it. */
class LoadBalancerTest {

    /** Read per test, not in a static initializer: without the npm tools that would error instead of skipping. */
    private static TerraformTree.Module ecsService() {
        return TerraformTree.infrastructure().module("modules/ecs-service");
    }

    @Test
    void theProbesOnTheApplicationPortAnswerAFixed404ThroughTheListener() {
        JsonNode rule = ecsService().resource("aws_lb_listener_rule", "hide_probes");

        assertThat(rule.get("count").asText()).isEqualTo("${local.public ? 1 : 0}");
        assertThat(rule.get("listener_arn").asText())
                .isEqualTo("${local.https ? aws_lb_listener.https[0].arn : aws_lb_listener.http[0].arn}");
        assertThat(rule.at("/action/0/type").asText()).isEqualTo("fixed-response");
        assertThat(rule.at("/action/0/fixed_response/0/status_code").asText()).isEqualTo("404");
        assertThat(rule.at("/action/0/fixed_response/0/message_body").asText()).doesNotContain("readyz", "livez");
        assertThat(PolicyStatements.literals(rule.at("/condition/0/path_pattern/0/values")))
                .containsExactlyInAnyOrder("/livez", "/livez/*", "/readyz", "/readyz/*");
    }

    /** Only the HTTPS listener forwards when there is one; the HTTP one then redirects everything to it. */
    @Test
    void theRuleSitsOnTheListenerThatForwards() {
        JsonNode http = ecsService().resource("aws_lb_listener", "http");

        assertThat(http.at("/default_action/0/type").asText()).isEqualTo("${local.https ? \"redirect\" : \"forward\"}");
        assertThat(ecsService().resource("aws_lb_listener", "https").at("/default_action/0/type").asText())
                .isEqualTo("forward");
    }

    @Test
    void everyPathTheServicesServeOnTheTrafficPortForProbesIsHidden() {
        List<String> hidden = PolicyStatements.literals(ecsService().resource("aws_lb_listener_rule", "hide_probes")
                .at("/condition/0/path_pattern/0/values"));
        String validation = ecsService().variables.get("load_balancer").at("/validation/0/condition").asText();

        for (String probe : List.of("/livez", "/readyz")) {
            assertThat(validation).contains("\"" + probe + "\"");
            assertThat(hidden).contains(probe);
        }
    }
}
