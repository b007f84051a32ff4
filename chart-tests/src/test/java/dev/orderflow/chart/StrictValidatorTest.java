package dev.orderflow.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.chart.RenderedChart.Manifest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The validator refuses what the API server would: each check is shown failing on a manifest broken on purpose. */
class StrictValidatorTest {

    private static final StrictValidator VALIDATOR = new StrictValidator();
    private static RenderedChart chart;

    @BeforeAll
    static void render() {
        chart = HelmChart.ofRepository().withValues("values-dev.yaml")
                .set("monitoring.serviceMonitor.enabled", true).render();
    }

    @Test
    void theUntouchedManifestsPass() {
        assertThat(VALIDATOR.problems(chart.get("Deployment", "order-gateway"))).isEmpty();
        assertThat(VALIDATOR.problems(chart.get("ServiceMonitor", "order-gateway"))).isEmpty();
    }

    @Test
    void anUnknownFieldDeepInAPodTemplateIsRefused() {
        Manifest deployment = copy(chart.get("Deployment", "order-gateway"));
        container(deployment).put("livenesProbe", container(deployment).get("livenessProbe"));

        assertThat(VALIDATOR.problems(deployment)).singleElement().asString().contains("livenesProbe");
    }

    @Test
    void aPortWrittenAsAStringIsRefused() {
        Manifest deployment = copy(chart.get("Deployment", "order-gateway"));
        Map<String, Object> port = Manifest.asMap(Manifest.asList(container(deployment).get("ports")).get(0));
        port.put("containerPort", "8000");

        assertThat(VALIDATOR.problems(deployment)).singleElement().asString().contains("containerPort");
    }

    @Test
    void aBooleanWrittenAsAWordIsRefused() {
        Manifest deployment = copy(chart.get("Deployment", "order-gateway"));
        Manifest.asMap(container(deployment).get("securityContext")).put("readOnlyRootFilesystem", "yes");

        assertThat(VALIDATOR.problems(deployment)).isNotEmpty().anyMatch(p -> p.contains("readOnlyRootFilesystem"));
    }

    @Test
    void aRequiredFieldMissingIsRefused() {
        Manifest deployment = copy(chart.get("Deployment", "order-gateway"));
        deployment.mapAt("spec").remove("selector");

        assertThat(VALIDATOR.problems(deployment)).singleElement().asString().contains("selector");
    }

    @Test
    void anApiVersionThePinnedKubernetesNoLongerServesIsRefused() {
        Manifest hpa = copy(HelmChart.ofRepository().render().get("HorizontalPodAutoscaler", "order-gateway"));
        hpa.content().put("apiVersion", "autoscaling/v2beta2");

        assertThat(VALIDATOR.problems(hpa)).singleElement().asString().contains("not served");
    }

    @Test
    void aKindInTheWrongGroupIsRefused() {
        Manifest pdb = copy(HelmChart.ofRepository().render().get("PodDisruptionBudget", "order-gateway"));
        pdb.content().put("apiVersion", "apps/v1");

        assertThat(VALIDATOR.problems(pdb)).singleElement().asString().contains("not served");
    }

    @Test
    void anUnknownFieldInAServiceMonitorEndpointIsRefused() {
        Manifest monitor = copy(chart.get("ServiceMonitor", "order-gateway"));
        Map<String, Object> endpoint = Manifest.asMap(monitor.listAt("spec", "endpoints").get(0));
        endpoint.put("metricsPath", "/actuator/prometheus");

        assertThat(VALIDATOR.problems(monitor)).singleElement().asString().contains("metricsPath");
    }

    @Test
    void aWrongTypeInAServiceMonitorIsRefused() {
        Manifest monitor = copy(chart.get("ServiceMonitor", "order-gateway"));
        Map<String, Object> endpoint = Manifest.asMap(monitor.listAt("spec", "endpoints").get(0));
        endpoint.put("interval", 30);

        assertThat(VALIDATOR.problems(monitor)).singleElement().asString().contains("interval");
    }

    @Test
    void aPrometheusRuleWithAnUnknownFieldInARuleIsRefused() {
        String template = """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: rule}
                spec:
                  groups:
                    - name: orderflow
                      rules:
                        - alert: GatewayDown
                          expr: up == 0
                          for: 5m
                          %s
                """;
        Manifest rule = new Manifest(yaml(template.formatted("severity: critical")));
        Manifest valid = new Manifest(yaml(template.formatted("labels: {severity: critical}")));

        assertThat(VALIDATOR.problems(rule)).singleElement().asString().contains("severity");
        assertThat(VALIDATOR.problems(valid)).isEmpty();
    }

    @Test
    void aMonitoringKindTheOperatorDoesNotHaveIsRefused() {
        Manifest monitor = copy(chart.get("ServiceMonitor", "order-gateway"));
        monitor.content().put("apiVersion", "monitoring.coreos.com/v2");

        assertThat(VALIDATOR.problems(monitor)).singleElement().asString().contains("not a Prometheus Operator kind");
    }

    private static Map<String, Object> container(Manifest deployment) {
        List<Object> containers = deployment.listAt("spec", "template", "spec", "containers");
        return Manifest.asMap(containers.get(0));
    }

    /** A deep copy, so that a test breaks its own manifest only. */
    private static Manifest copy(Manifest manifest) {
        return new Manifest(yaml(new Yaml().dump(manifest.content())));
    }

    private static Map<String, Object> yaml(String text) {
        return new LinkedHashMap<>(Manifest.asMap(new Yaml(new LoaderOptions()).load(text)));
    }
}
