package dev.orderflow.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.chart.RenderedChart.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ServiceMonitors, PrometheusRules and dashboards: off where the Prometheus Operator's API is absent (as for
 * `helm template`), on when switched on, and the rules and dashboards taken from the chart's files, so that adding a
 * file is all it takes.
 */
class ChartMonitoringTest {

    private static final StrictValidator VALIDATOR = new StrictValidator();

    @Test
    void withoutThePrometheusOperatorsApiNothingIsRenderedForIt(@TempDir Path chartCopy) throws IOException {
        HelmChart chart = withOneRuleAndOneDashboard(chartCopy);

        RenderedChart rendered = chart.render();

        assertThat(rendered.ofKind("ServiceMonitor")).isEmpty();
        assertThat(rendered.ofKind("PrometheusRule")).isEmpty();
        assertThat(rendered.kindsAndNames()).noneMatch(name -> name.contains("dashboard"));
    }

    @Test
    void aServiceMonitorPerServiceScrapesTheManagementPortWithTheReleaseLabelKubePrometheusStackSelects() {
        RenderedChart chart = HelmChart.ofRepository().set("monitoring.serviceMonitor.enabled", true)
                .set("monitoring.release", "prom").render();

        assertThat(chart.ofKind("ServiceMonitor")).hasSize(2);
        for (String service : new String[] {"order-gateway", "order-processor"}) {
            Manifest monitor = chart.get("ServiceMonitor", service);
            assertThat(monitor.at("metadata", "labels", "release")).isEqualTo("prom");
            assertThat(monitor.at("spec", "endpoints", 0, "port")).isEqualTo("management");
            assertThat(monitor.at("spec", "endpoints", 0, "path")).isEqualTo("/actuator/prometheus");
            assertThat(monitor.at("spec", "selector", "matchLabels"))
                    .isEqualTo(chart.get("Service", service).at("spec", "selector"));
            assertThat(chart.get("Service", service).listAt("spec", "ports")).anySatisfy(port ->
                    assertThat(Manifest.asMap(port)).containsEntry("name", "management"));
        }
    }

    @Test
    void withNoRuleOrDashboardFilesSwitchingThemOnRendersNothing(@TempDir Path chartCopy) throws IOException {
        HelmChart copy = HelmChart.copyOfRepositoryChart(chartCopy);
        for (String files : new String[] {"files/prometheus-rules", "files/dashboards"}) {
            try (Stream<Path> shipped = Files.list(chartCopy.resolve(files))) {
                for (Path file : shipped.filter(file -> !file.endsWith("README.md")).toList()) {
                    Files.delete(file);
                }
            }
        }
        RenderedChart chart = copy.set("monitoring.prometheusRule.enabled", true)
                .set("monitoring.dashboards.enabled", true).render();

        assertThat(chart.ofKind("PrometheusRule")).isEmpty();
        assertThat(chart.kindsAndNames()).noneMatch(name -> name.contains("dashboard"));
    }

    @Test
    void aRuleFileAndADashboardFileBecomeAPrometheusRuleAndADashboardConfigMap(@TempDir Path chartCopy)
            throws IOException {
        HelmChart chart = withOneRuleAndOneDashboard(chartCopy).set("monitoring.prometheusRule.enabled", true)
                .set("monitoring.dashboards.enabled", true);

        RenderedChart rendered = chart.render();

        Manifest rule = rendered.get("PrometheusRule", "orderflow-availability");
        assertThat(rule.at("metadata", "labels", "release")).isEqualTo("kube-prometheus-stack");
        assertThat(rule.at("spec", "groups", 0, "rules", 0, "annotations", "runbook_url"))
                .isEqualTo("https://runbooks.example.com/orderflow#gatewaydown");
        assertThat(VALIDATOR.problems(rule)).isEmpty();
        Manifest dashboard = rendered.get("ConfigMap", "orderflow-dashboard-orders");
        assertThat(dashboard.at("metadata", "labels", "grafana_dashboard")).isEqualTo("1");
        assertThat(dashboard.at("metadata", "annotations", "grafana_folder")).isEqualTo("Orderflow");
        assertThat((String) dashboard.at("data", "orders.json")).contains("\"title\": \"Orders\"");
        assertThat(VALIDATOR.problems(dashboard)).isEmpty();
    }

    @Test
    void aRuleFileThatIsNotYamlFailsTheRendering(@TempDir Path chartCopy) throws IOException {
        HelmChart chart = HelmChart.copyOfRepositoryChart(chartCopy).set("monitoring.prometheusRule.enabled", true);
        Files.writeString(chartCopy.resolve("files/prometheus-rules/broken.yaml"), "groups: [unclosed\n");

        assertThat(chart.renderFailure()).contains("files/prometheus-rules/broken.yaml is not valid YAML");
    }

    private static HelmChart withOneRuleAndOneDashboard(Path chartCopy) throws IOException {
        HelmChart chart = HelmChart.copyOfRepositoryChart(chartCopy);
        Files.writeString(chartCopy.resolve("files/prometheus-rules/availability.yaml"), """
                groups:
                  - name: orderflow-availability
                    rules:
                      - alert: GatewayDown
                        expr: up{job="order-gateway"} == 0
                        for: 5m
                        labels:
                          severity: critical
                        annotations:
                          summary: No order gateway is being scraped
                          runbook_url: https://runbooks.example.com/orderflow#gatewaydown
                """);
        Files.writeString(chartCopy.resolve("files/dashboards/orders.json"), """
                {
                  "title": "Orders",
                  "panels": []
                }
                """);
        return chart;
    }
}
