package dev.orderflow.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.observability.PanelQueries.Evaluated;
import dev.orderflow.observability.PanelQueries.PanelResult;
import dev.orderflow.observability.PanelQueries.TargetResult;
import dev.orderflow.observability.PrometheusServer.Series;
import dev.orderflow.observability.RuleFiles.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Kubernetes workload dashboard and the pod alerts cannot be fed by a live cluster here. Their series come from
 * {@link KubernetesFixture}, backfilled into a TSDB with {@code promtool tsdb create-blocks-from openmetrics} and
 * served by Debian's Prometheus; every panel's queries and every pod alert's expression run against it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesFixtureIT {

    private static final Path WORK = Path.of("target", "kubernetes-fixture");
    /** Grafana's $__rate_interval for kube-prometheus-stack's 30 s scrape would be 2m; the fixture has 15 s. */
    private static final Duration RATE_INTERVAL = Duration.ofMinutes(1);

    private PrometheusServer prometheus;
    private Evaluated dashboard;

    @BeforeAll
    void backfillTheFixtureAndServeIt() throws IOException {
        Path promtool = PrometheusTools.promtool();
        PrometheusServer.emptyDirectory(WORK);
        Path fixture = KubernetesFixture.write(WORK.resolve("fixture.om"));
        Path data = WORK.resolve("data");
        PrometheusTools.Result backfill = PrometheusTools.run(WORK, Duration.ofMinutes(2), promtool, "tsdb",
                "create-blocks-from", "openmetrics", fixture.toAbsolutePath().toString(),
                data.toAbsolutePath().toString());
        assertThat(backfill.exitCode()).as(backfill.output()).isZero();
        // nothing to scrape; the backfilled blocks are months old by the clock of whoever runs this
        prometheus = PrometheusServer.start(WORK, "global:\n  scrape_interval: 15s\n", data,
                "--storage.tsdb.retention.time=100y");
        dashboard = PanelQueries.evaluate(Dashboard.named("kubernetes-workload.json"), prometheus,
                KubernetesFixture.START, KubernetesFixture.END, KubernetesFixture.STEP, RATE_INTERVAL);
    }

    @AfterAll
    void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void theVariablesFindTheReleasesNamespaceServicesAndPodsOnly() {
        assertThat(dashboard.variables()).containsEntry("namespace", "orderflow")
                .containsEntry("service", "(order-gateway|order-processor)");
        assertThat(dashboard.variables().get("pod")).contains("order-gateway-6f7d8b9c4d-x2k4p")
                .doesNotContain("dynamodb-local", "coredns");
    }

    @Test
    void everyPanelOfTheKubernetesDashboardReturnsSeriesFromTheFixture() {
        for (PanelResult panel : dashboard.panels()) {
            for (TargetResult target : panel.targets()) {
                assertThat(target.series()).as("%s / %s: %s", panel.panel().title(), target.target().refId(),
                        target.expr()).anySatisfy(series -> assertThat(series.hasFiniteValue()).isTrue());
                assertThat(target.series()).allSatisfy(series -> assertThat(series.labels().toString())
                        .doesNotContain("dynamodb-local", "coredns"));
            }
        }
    }

    @Test
    void thePanelsShowTheScenario() {
        assertThat(max(dashboard.panel("HPA replicas"), "current order-gateway")).isEqualTo(6);
        assertThat(max(dashboard.panel("HPA replicas"), "desired order-gateway")).isEqualTo(7);
        assertThat(max(dashboard.panel("Restarts and OOM kills"), "restarts order-processor-5c6b7d8f9-r8w3n"))
                .isEqualTo(4);
        assertThat(max(dashboard.panel("Restarts and OOM kills"),
                "last exit OOMKilled order-processor-5c6b7d8f9-r8w3n")).isEqualTo(1);
        assertThat(max(dashboard.panel("CPU throttling"), "order-gateway-6f7d8b9c4d-x2k4p")).isPositive();
        // the working set of the container, not of the pod's cgroup (which is 12 MiB more)
        assertThat(max(dashboard.panel("Memory working set against limits"),
                "working set order-gateway-6f7d8b9c4d-x2k4p")).isEqualTo(305 * 1024 * 1024.0);
    }

    @Test
    void everyPodAlertsExpressionIsTrueAtTheEndOfTheScenario() {
        List<Rule> podAlerts = RuleFiles.alerts().stream()
                .filter(rule -> rule.file().getFileName().toString().equals("kubernetes.yaml")).toList();
        assertThat(podAlerts).extracting(Rule::alert).containsExactlyInAnyOrder("OrderflowPodCrashLooping",
                "OrderflowMemoryNearLimit", "OrderflowHpaAtMaximum");
        Map<String, String> expected = Map.of("OrderflowPodCrashLooping", "order-processor-5c6b7d8f9-r8w3n",
                "OrderflowMemoryNearLimit", "order-gateway-6f7d8b9c4d-x2k4p", "OrderflowHpaAtMaximum", "order-gateway");
        for (Rule alert : podAlerts) {
            assertThat(prometheus.query(alert.expr(), KubernetesFixture.END).toString()).as(alert.alert())
                    .contains(expected.get(alert.alert()));
        }
    }

    @Test
    void theKubernetesDashboardIsRenderedFromTheFixture() throws IOException {
        Path directory = Path.of(System.getProperty("observability.renderings", "target/renderings"));
        Path png = PanelRenderer.render(dashboard, directory, "Rendered by KubernetesFixtureIT with XChart from "
                + "Prometheus's answers to the panel queries over a synthetic kube-state-metrics/cAdvisor fixture "
                + "(backfilled with promtool; no cluster, not a Grafana screenshot).", List.of());
        assertThat(Files.size(png)).isGreaterThan(20_000);
    }

    private static double max(PanelResult panel, String legend) {
        return panel.targets().stream().flatMap(target -> target.series().stream().filter(series ->
                        PanelQueries.legend(target.target().legend(), series.labels()).equals(legend)))
                .mapToDouble(Series::max).max().orElseThrow(() -> new AssertionError(
                        panel.panel().title() + " has no series " + legend));
    }
}
