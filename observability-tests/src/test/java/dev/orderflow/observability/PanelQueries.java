package dev.orderflow.observability;

import dev.orderflow.observability.Dashboard.Panel;
import dev.orderflow.observability.Dashboard.Target;
import dev.orderflow.observability.Dashboard.Variable;
import dev.orderflow.observability.PrometheusServer.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/** A dashboard's panels run against a Prometheus the way Grafana runs them, over one time range. */
final class PanelQueries {

    record TargetResult(Target target, String expr, List<Series> series) {
    }

    record PanelResult(Panel panel, List<TargetResult> targets) {

        List<Series> series() {
            return targets.stream().flatMap(target -> target.series().stream()).toList();
        }
    }

    /** A dashboard evaluated: the values its variables took and every panel's results. */
    record Evaluated(Dashboard dashboard, Map<String, String> variables, Instant start, Instant end, Duration step,
                     List<PanelResult> panels) {

        PanelResult panel(String title) {
            return panels.stream().filter(panel -> panel.panel().title().equals(title)).findFirst()
                    .orElseThrow(() -> new AssertionError(dashboard.name() + " has no panel " + title));
        }
    }

    private PanelQueries() {
    }

    /**
     * Resolves the variables in order, as Grafana does (each query sees the values chosen before it): a single-value
     * variable takes the first value, a multi-value one all of them, as "All" would; then runs every panel's queries.
     */
    static Evaluated evaluate(Dashboard dashboard, PrometheusServer prometheus, Instant start, Instant end,
                              Duration step, Duration rateInterval) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("__rate_interval", rateInterval.toSeconds() + "s");
        values.put("__range", Duration.between(start, end).toSeconds() + "s");
        for (Variable variable : dashboard.variables()) {
            if (!variable.type().equals("query")) {
                continue;
            }
            List<String> found = prometheus.labelValues(variable.label(),
                    Dashboard.substitute(variable.selector(), values), start, end);
            if (found.isEmpty()) {
                throw new AssertionError(dashboard.name() + ": variable " + variable.name() + " has no values ("
                        + variable.query() + " with " + values + ")");
            }
            values.put(variable.name(), variable.multi()
                    ? found.stream().map(PanelQueries::escape).collect(Collectors.joining("|", "(", ")"))
                    : found.get(0));
        }
        List<PanelResult> panels = new ArrayList<>();
        for (Panel panel : dashboard.panels()) {
            List<TargetResult> targets = new ArrayList<>();
            for (Target target : panel.targets()) {
                String expr = Dashboard.substitute(target.expr(), values);
                targets.add(new TargetResult(target, expr, prometheus.queryRange(expr, start, end, step)));
            }
            panels.add(new PanelResult(panel, targets));
        }
        return new Evaluated(dashboard, values, start, end, step, panels);
    }

    /**
     * Grafana escapes regular expression characters in the values of a multi-value variable, with a doubled backslash
     * because the regular expression sits in a PromQL string.
     */
    private static String escape(String value) {
        return value.replaceAll("([\\\\^$.|?*+()\\[\\]{}])", Matcher.quoteReplacement("\\\\") + "$1");
    }

    /** A legend as Grafana writes it from {@code {{label}}} placeholders. */
    static String legend(String format, Map<String, String> labels) {
        String legend = format;
        for (Map.Entry<String, String> label : labels.entrySet()) {
            legend = legend.replace("{{" + label.getKey() + "}}", label.getValue());
        }
        return legend.replaceAll("\\{\\{[^}]*}}", "").trim();
    }
}
