package dev.orderflow.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * observability/ holds the dashboards and rules; the chart's files/ holds relative symbolic links to them, because
 * Helm reads only files inside the chart (ADR 0032). These tests fail if the two drift apart: a file added on one side
 * only, a copy instead of a link, or a link Helm does not follow.
 */
class ChartFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_RUNBOOKS = "https://github.com/orderflow/orderflow/blob/main/docs/runbooks/";

    @Test
    void everyDashboardAndRuleFileIsARelativeLinkFromTheChart() throws IOException {
        assertLinked(Repository.DASHBOARDS, Repository.CHART.resolve("files/dashboards"), ".json");
        assertLinked(Repository.RULES, Repository.CHART.resolve("files/prometheus-rules"), ".yaml");
    }

    private static void assertLinked(Path canonical, Path chartFiles, String suffix) throws IOException {
        List<String> canonicalNames = names(canonical, suffix);
        assertThat(canonicalNames).isNotEmpty();
        try (Stream<Path> files = Files.list(chartFiles)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> !name.equals("README.md")))
                    .as("files in %s", chartFiles).containsExactlyInAnyOrderElementsOf(canonicalNames);
        }
        for (String name : canonicalNames) {
            Path link = chartFiles.resolve(name);
            assertThat(Files.isSymbolicLink(link)).as("%s is a link, not a copy", link).isTrue();
            Path target = Files.readSymbolicLink(link);
            assertThat(target.isAbsolute()).as("%s -> %s is relative, so it works in any checkout", link, target)
                    .isFalse();
            assertThat(link.getParent().resolve(target).normalize()).isEqualTo(canonical.resolve(name));
        }
    }

    private static List<String> names(Path directory, String suffix) {
        return Repository.files(directory, suffix).stream().map(file -> file.getFileName().toString()).toList();
    }

    @Test
    void helmShipsEachDashboardUnchangedAsASidecarConfigMap() throws IOException {
        List<Map<String, Object>> manifests = ChartRendering.render(Map.of());

        List<Path> dashboards = Repository.files(Repository.DASHBOARDS, ".json");
        for (Path dashboard : dashboards) {
            String name = dashboard.getFileName().toString();
            Map<String, Object> configMap = ChartRendering.ofKind(manifests, "ConfigMap").stream()
                    .filter(manifest -> ChartRendering.name(manifest)
                            .equals("orderflow-dashboard-" + name.replace(".json", "")))
                    .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap for " + name));
            String shipped = (String) ChartRendering.map(configMap, "data").get(name);
            assertThat(JSON.readTree(shipped)).as(name).isEqualTo(JSON.readTree(dashboard.toFile()));
        }
    }

    @Test
    void helmShipsEachRuleFileAsAPrometheusRuleWithItsRunbooksUnderTheDefaultBaseUrl() {
        List<Map<String, Object>> manifests = ChartRendering.render(Map.of());

        for (Path rules : RuleFiles.files()) {
            String name = rules.getFileName().toString().replace(".yaml", "");
            Map<String, Object> rule = ChartRendering.ofKind(manifests, "PrometheusRule").stream()
                    .filter(manifest -> ChartRendering.name(manifest).equals("orderflow-" + name))
                    .findFirst().orElseThrow(() -> new AssertionError("no PrometheusRule for " + rules));
            Map<String, Object> expected = new Yaml().load(Repository.read(rules).replace(
                    "runbook_url: Orderflow", "runbook_url: " + DEFAULT_RUNBOOKS + "Orderflow"));
            assertThat(ChartRendering.map(rule, "spec")).as(name).isEqualTo(expected);
        }
    }

    @Test
    void theRunbookBaseUrlIsAChartValue() {
        String base = "https://git.example.com/ops/orderflow/-/blob/v1.2.0/docs/runbooks/";
        List<Map<String, Object>> manifests = ChartRendering.render(
                Map.of("monitoring.prometheusRule.runbookBaseUrl", base));

        List<RuleFiles.Rule> shipped = ChartRendering.ofKind(manifests, "PrometheusRule").stream()
                .flatMap(rule -> RuleFiles.parse(Path.of(ChartRendering.name(rule)),
                        new Yaml().dump(ChartRendering.map(rule, "spec"))).stream())
                .filter(RuleFiles.Rule::isAlert).toList();

        assertThat(shipped).hasSameSizeAs(RuleFiles.alerts()).allSatisfy(alert -> assertThat(
                alert.annotations().get("runbook_url")).isEqualTo(base + alert.alert() + ".md"));
    }

    @Test
    void aRunbookBaseUrlThatIsNotADirectoryUrlIsRefused() {
        assertThatThrownBy(() -> ChartRendering.render(
                Map.of("monitoring.prometheusRule.runbookBaseUrl", "https://example.com/runbooks")))
                .hasMessageContaining("runbookBaseUrl");
    }
}
