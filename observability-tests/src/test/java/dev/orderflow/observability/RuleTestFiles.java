package dev.orderflow.observability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The promtool unit tests of observability/rules-tests. Each test group is named {@code "<alert>: <case>, ..."},
 * where the case is {@code fires}, {@code quiet} or {@code zero traffic}.
 */
final class RuleTestFiles {

    record Series(String series, String values) {

        String metric() {
            int brace = series.indexOf('{');
            return brace < 0 ? series : series.substring(0, brace);
        }
    }

    /** One {@code alert_rule_test}: an alert expected (or not) at one evaluation time. */
    record AlertCheck(String alertname, String evalTime, int expectedAlerts) {
    }

    record Group(Path file, String name, List<Series> inputSeries, List<AlertCheck> alertChecks) {

        boolean isCase(String alert, String kind) {
            return name.startsWith(alert + ": " + kind);
        }

        List<AlertCheck> checksOf(String alert) {
            return alertChecks.stream().filter(check -> check.alertname().equals(alert)).toList();
        }
    }

    private RuleTestFiles() {
    }

    static List<Path> files() {
        return Repository.files(Repository.RULE_TESTS, ".test.yaml");
    }

    @SuppressWarnings("unchecked")
    static List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        for (Path file : files()) {
            Map<String, Object> tests = new Yaml().load(Repository.read(file));
            for (Map<String, Object> group : (List<Map<String, Object>>) tests.get("tests")) {
                List<Series> series = ((List<Map<String, Object>>) group.getOrDefault("input_series", List.of()))
                        .stream().map(s -> new Series((String) s.get("series"), String.valueOf(s.get("values"))))
                        .toList();
                List<AlertCheck> checks = ((List<Map<String, Object>>) group.getOrDefault("alert_rule_test",
                        List.of())).stream().map(check -> new AlertCheck((String) check.get("alertname"),
                        String.valueOf(check.get("eval_time")),
                        ((List<?>) check.getOrDefault("exp_alerts", List.of())).size())).toList();
                groups.add(new Group(file, (String) group.get("name"), series, checks));
            }
        }
        return groups;
    }
}
