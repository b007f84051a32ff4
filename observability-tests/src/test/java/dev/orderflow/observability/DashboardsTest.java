package dev.orderflow.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.observability.Dashboard.Panel;
import dev.orderflow.observability.Dashboard.Target;
import dev.orderflow.observability.Dashboard.Variable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboards as Grafana will load them: the variables each one needs, a unit and a description on every panel,
 * range selectors that follow the scrape interval, links to kube-prometheus-stack's own dashboards, and queries
 * Prometheus can parse. That every panel shows data is LiveObservabilityIT's part.
 */
class DashboardsTest {

    private static final Pattern RANGE = Pattern.compile("\\[([^\\]]*)\\]");
    /** What the static checks put in for the variables; the live run uses the values Prometheus returns. */
    private static final Map<String, String> SAMPLE_VARIABLES = Map.of("namespace", "orderflow",
            "service", "(order-gateway|order-processor)", "pod", ".*", "__rate_interval", "1m", "__range", "1h");

    @Test
    void theFourDashboardsOfTheIssueAreThereWithUidsOfTheirOwn() {
        List<Dashboard> dashboards = Dashboard.all();

        assertThat(dashboards).extracting(Dashboard::name)
                .containsExactlyInAnyOrder("service-overview", "dependencies", "jvm", "kubernetes-workload");
        assertThat(dashboards).extracting(Dashboard::uid).doesNotHaveDuplicates().allMatch(uid -> !uid.isBlank());
        assertThat(dashboards).allSatisfy(dashboard -> {
            assertThat(dashboard.json().path("id").isNull()).as("%s: id null, Grafana assigns it", dashboard.name())
                    .isTrue();
            assertThat(dashboard.json().path("tags").toString()).contains("\"orderflow\"");
        });
    }

    @Test
    void everyDashboardHasTheDatasourceNamespaceServiceAndPodVariables() {
        for (Dashboard dashboard : Dashboard.all()) {
            List<Variable> variables = dashboard.variables();
            assertThat(variables).extracting(Variable::name).as(dashboard.name())
                    .containsExactly("datasource", "namespace", "service", "pod");
            assertThat(variables.get(0).type()).isEqualTo("datasource");
            assertThat(variables.get(0).query()).isEqualTo("prometheus");
            for (Variable variable : variables.subList(1, variables.size())) {
                assertThat(variable.type()).as(dashboard.name() + " " + variable.name()).isEqualTo("query");
                assertThat(variable.label()).isNotBlank();
            }
            assertThat(variables.get(2).selector()).contains("$namespace");
            assertThat(variables.get(3).selector()).contains("$namespace", "$service");
        }
    }

    @Test
    void everyPanelHasAUnitADescriptionTheDatasourceVariableAndScopedQueries() {
        for (Dashboard dashboard : Dashboard.all()) {
            assertThat(dashboard.panels()).as(dashboard.name()).hasSizeGreaterThanOrEqualTo(6);
            for (Panel panel : dashboard.panels()) {
                String where = dashboard.name() + " / " + panel.title();
                assertThat(panel.unit()).as(where + ": unit").isNotBlank();
                assertThat(panel.description()).as(where + ": description").hasSizeGreaterThan(40);
                assertThat(panel.datasourceUid()).as(where + ": datasource").isEqualTo("${datasource}");
                assertThat(panel.targets()).as(where + ": queries").isNotEmpty();
                for (Target target : panel.targets()) {
                    assertThat(target.expr()).as(where + " " + target.refId()).contains("$namespace");
                }
            }
        }
    }

    @Test
    void everyRangeSelectorFollowsTheScrapeIntervalOrTheTimeRange() {
        for (Dashboard dashboard : Dashboard.all()) {
            for (Panel panel : dashboard.panels()) {
                for (Target target : panel.targets()) {
                    Matcher range = RANGE.matcher(target.expr());
                    while (range.find()) {
                        assertThat(range.group(1)).as(dashboard.name() + " / " + panel.title())
                                .isIn("$__rate_interval", "$__range");
                    }
                }
            }
        }
    }

    @Test
    void everyDashboardLinksToKubePrometheusStacksOwnDashboardsInsteadOfCopyingThem() {
        for (Dashboard dashboard : Dashboard.all()) {
            assertThat(dashboard.links()).as(dashboard.name()).anySatisfy(link -> {
                assertThat(link.path("type").asText()).isEqualTo("dashboards");
                assertThat(link.path("tags").toString()).isEqualTo("[\"kubernetes-mixin\"]");
            });
        }
        // "Kubernetes / Compute Resources / Workload" as kube-prometheus-stack ships it
        assertThat(Dashboard.named("kubernetes-workload.json").links())
                .anySatisfy(link -> assertThat(link.path("url").asText())
                        .startsWith("/d/a164a7f0339f99e89cea5cb47e9be617/"));
    }

    @Test
    void prometheusParsesEveryQuery(@TempDir Path directory) throws IOException {
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
        int count = 0;
        for (Dashboard dashboard : Dashboard.all()) {
            for (Panel panel : dashboard.panels()) {
                for (Target target : panel.targets()) {
                    rules.append("      - record: dashboard_query_").append(++count).append("\n")
                            .append("        expr: '")
                            .append(Dashboard.substitute(target.expr(), SAMPLE_VARIABLES).replace("'", "''"))
                            .append("'\n");
                }
            }
            for (Variable variable : dashboard.variables().subList(1, 4)) {
                rules.append("      - record: dashboard_variable_").append(++count).append("\n")
                        .append("        expr: '").append(Dashboard.substitute(variable.selector(), SAMPLE_VARIABLES))
                        .append("'\n");
            }
        }
        Path file = Files.writeString(directory.resolve("dashboard-queries.yaml"), rules);

        PrometheusTools.Result check = PrometheusTools.run(directory, Duration.ofMinutes(1),
                PrometheusTools.promtool(), "check", "rules", file.toString());

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + count + " rules found");
    }
}
