package dev.orderflow.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * observability/kube-prometheus-stack-values.yaml against what the orderflow chart renders with its defaults: the
 * stack's Prometheus must select the chart's ServiceMonitors and PrometheusRules, and Grafana's sidecar must find its
 * dashboard ConfigMaps and file them in their folder. A ServiceMonitor that no selector matches is ignored without a
 * word, so this is checked here rather than found on a cluster.
 */
class KubePrometheusStackValuesTest {

    private static Map<String, Object> values;
    private static List<Map<String, Object>> chart;

    @BeforeAll
    static void load() {
        values = new Yaml().load(Repository.read(Repository.KUBE_PROMETHEUS_STACK_VALUES));
        chart = ChartRendering.render(Map.of());
    }

    @Test
    void prometheusSelectsTheChartsServiceMonitorsInAnyNamespace() {
        assertSelectedInAnyNamespace("ServiceMonitor", "serviceMonitorSelector", "serviceMonitorNamespaceSelector", 2);
    }

    @Test
    void prometheusSelectsTheChartsRulesInAnyNamespace() {
        assertSelectedInAnyNamespace("PrometheusRule", "ruleSelector", "ruleNamespaceSelector",
                RuleFiles.files().size());
    }

    private static void assertSelectedInAnyNamespace(String kind, String selectorKey, String namespaceSelectorKey,
                                                     int count) {
        Map<String, Object> spec = ChartRendering.map(values, "prometheus", "prometheusSpec");
        Map<String, Object> selector = ChartRendering.map(spec, selectorKey, "matchLabels");

        assertThat(selector).as(selectorKey).isNotEmpty();
        assertThat(spec.get(namespaceSelectorKey)).as(namespaceSelectorKey).isEqualTo(Map.of());
        assertThat(ChartRendering.ofKind(chart, kind)).hasSize(count).allSatisfy(object -> assertThat(
                ChartRendering.map(object, "metadata", "labels")).containsAllEntriesOf(selector));
    }

    @Test
    void grafanasSidecarLoadsTheChartsDashboardsIntoTheirFolder() {
        Map<String, Object> sidecar = ChartRendering.map(values, "grafana", "sidecar", "dashboards");
        List<Map<String, Object>> dashboards = ChartRendering.ofKind(chart, "ConfigMap").stream()
                .filter(configMap -> ChartRendering.name(configMap).startsWith("orderflow-dashboard-")).toList();

        assertThat(sidecar).containsEntry("enabled", true).containsEntry("searchNamespace", "ALL");
        assertThat(ChartRendering.map(sidecar, "provider")).containsEntry("foldersFromFilesStructure", true);
        assertThat(dashboards).hasSize(Dashboard.all().size()).allSatisfy(configMap -> {
            assertThat(ChartRendering.map(configMap, "metadata", "labels"))
                    .containsEntry((String) sidecar.get("label"), sidecar.get("labelValue"));
            assertThat(ChartRendering.map(configMap, "metadata", "annotations"))
                    .containsKey((String) sidecar.get("folderAnnotation"));
        });
    }

    @Test
    void controlPlaneScrapesMinikubeDoesNotExposeAreOffWithTheirAlerts() {
        for (String component : List.of("kubeControllerManager", "kubeScheduler", "kubeEtcd")) {
            assertThat(ChartRendering.map(values, component)).as(component).containsEntry("enabled", false);
        }
        assertThat(ChartRendering.map(values, "defaultRules", "rules")).containsEntry("kubeControllerManager", false)
                .containsEntry("kubeSchedulerAlerting", false).containsEntry("etcd", false);
    }

    @Test
    void prometheusIsSizedForALaptop() {
        Map<String, Object> spec = ChartRendering.map(values, "prometheus", "prometheusSpec");

        assertThat(spec).containsKeys("retention", "retentionSize");
        assertThat(ChartRendering.map(spec, "resources", "limits")).containsKey("memory");
    }
}
