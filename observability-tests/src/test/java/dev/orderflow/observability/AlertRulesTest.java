package dev.orderflow.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.observability.RuleFiles.Rule;
import dev.orderflow.observability.RuleTestFiles.Group;
import dev.orderflow.observability.RuleTestFiles.Series;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The alert and recording rules: valid for Prometheus ({@code promtool check rules}), right about when they fire
 * ({@code promtool test rules}), and each alert tested three ways and documented by a runbook.
 */
class AlertRulesTest {

    /** Series that are traffic: in a zero-traffic case, each of these must stay flat. */
    private static final Set<String> TRAFFIC = Set.of("http_server_requests_seconds_count",
            "http_server_requests_seconds_bucket", "orderflow_orders_total", "orderflow_reservations_total");

    /** A metric of the services themselves, or a recording rule over them. */
    private static final Pattern SERVICE_METRIC = Pattern.compile("\\b(orderflow[_:]|http_server_|resilience4j_)");

    @Test
    void promtoolAcceptsEveryRuleFile() {
        List<Path> files = RuleFiles.files();
        assertThat(files).extracting(file -> file.getFileName().toString())
                .contains("slo.yaml", "dependencies.yaml", "recovery.yaml", "kubernetes.yaml");

        PrometheusTools.Result check = PrometheusTools.run(Repository.RULES, Duration.ofMinutes(1),
                PrometheusTools.promtool(), Stream.concat(Stream.of("check", "rules"),
                        files.stream().map(Path::toString)).toArray(String[]::new));

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS");
    }

    @Test
    void promtoolUnitTestsOfTheRulesPass() {
        List<Path> files = RuleTestFiles.files();
        assertThat(files).isNotEmpty();

        PrometheusTools.Result test = PrometheusTools.run(Repository.RULE_TESTS, Duration.ofMinutes(3),
                PrometheusTools.promtool(), Stream.concat(Stream.of("test", "rules"),
                        files.stream().map(Path::toString)).toArray(String[]::new));

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output().split("SUCCESS", -1)).hasSize(files.size() + 1);
    }

    @Test
    void everyAlertFiresInATestStaysQuietInAnotherAndStaysQuietWithZeroTraffic() {
        List<Group> groups = RuleTestFiles.groups();
        for (Rule alert : RuleFiles.alerts()) {
            String name = alert.alert();
            assertThat(groups).as("a test where %s fires", name).anySatisfy(group -> {
                assertThat(group.isCase(name, "fires")).isTrue();
                assertThat(group.checksOf(name)).anySatisfy(check -> assertThat(check.expectedAlerts()).isPositive());
            });
            assertThat(groups).as("a test with traffic where %s stays quiet", name).anySatisfy(group -> {
                assertThat(group.isCase(name, "quiet")).isTrue();
                assertThat(group.checksOf(name)).isNotEmpty()
                        .allSatisfy(check -> assertThat(check.expectedAlerts()).isZero());
            });
            if (!SERVICE_METRIC.matcher(alert.expr()).find()) {
                // An alert on the cluster's view of the pods (kube-state-metrics, cAdvisor) reads no traffic; a
                // "zero traffic" case for it would be the quiet case with unread series added.
                assertThat(groups).as("%s reads no service metric, so it has no zero-traffic case", name)
                        .noneSatisfy(group -> assertThat(group.isCase(name, "zero traffic")).isTrue());
                continue;
            }
            assertThat(groups).as("a test with zero traffic where %s stays quiet", name).anySatisfy(group -> {
                assertThat(group.isCase(name, "zero traffic")).isTrue();
                assertThat(group.checksOf(name)).isNotEmpty()
                        .allSatisfy(check -> assertThat(check.expectedAlerts()).isZero());
                List<Series> traffic = group.inputSeries().stream()
                        .filter(series -> TRAFFIC.contains(series.metric())).toList();
                assertThat(traffic).as("the services' request or order counters, present and flat").isNotEmpty()
                        .allSatisfy(series -> assertThat(new HashSet<>(SeriesValues.expand(series.values())))
                                .as(series.series()).hasSize(1));
            });
        }
    }

    @Test
    void everyTestGroupIsNamedAfterAnAlertAndACase() {
        Set<String> alerts = new HashSet<>(RuleFiles.alerts().stream().map(Rule::alert).toList());
        assertThat(RuleTestFiles.groups()).allSatisfy(group -> assertThat(group.name())
                .matches("[A-Za-z]+: (fires|quiet|zero traffic).*")
                .satisfies(name -> assertThat(alerts).contains(name.substring(0, name.indexOf(':')))));
    }

    @Test
    void everyAlertHasASeverityASummaryADescriptionAndARunbook() {
        List<Rule> alerts = RuleFiles.alerts();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(10);
        for (Rule alert : alerts) {
            assertThat(alert.labels().get("severity")).as(alert.alert()).isIn("critical", "warning");
            assertThat(alert.annotations().get("summary")).as(alert.alert()).isNotBlank();
            assertThat(alert.annotations().get("description")).as(alert.alert()).isNotBlank();
            // relative: the chart prefixes monitoring.prometheusRule.runbookBaseUrl (ChartFilesTest)
            assertThat(alert.annotations().get("runbook_url")).as(alert.alert()).isEqualTo(alert.alert() + ".md");
            Path runbook = Repository.RUNBOOKS.resolve(alert.alert() + ".md");
            assertThat(runbook).as("runbook of " + alert.alert()).isRegularFile();
            assertThat(Repository.read(runbook)).as(runbook.toString()).startsWith("# " + alert.alert() + "\n")
                    .contains("\n## Meaning\n", "\n## Impact\n", "\n## Diagnosis\n", "\n## Mitigation\n");
        }
    }

    @Test
    void everyRunbookBelongsToAnAlert() throws Exception {
        Set<String> alerts = new HashSet<>(RuleFiles.alerts().stream().map(rule -> rule.alert() + ".md").toList());
        try (Stream<Path> runbooks = Files.list(Repository.RUNBOOKS)) {
            assertThat(runbooks.map(file -> file.getFileName().toString())
                    .filter(name -> !name.equals("README.md"))).allSatisfy(name -> assertThat(alerts).contains(name));
        }
    }
}
