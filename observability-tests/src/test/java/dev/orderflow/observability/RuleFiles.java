package dev.orderflow.observability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The rules of observability/prometheus-rules, each file holding a PrometheusRule's spec ({@code groups:}). */
final class RuleFiles {

    record Rule(Path file, String group, String alert, String record, String expr, String forDuration,
                Map<String, String> labels, Map<String, String> annotations) {

        boolean isAlert() {
            return alert != null;
        }
    }

    private RuleFiles() {
    }

    static List<Path> files() {
        return Repository.files(Repository.RULES, ".yaml");
    }

    static List<Rule> all() {
        List<Rule> rules = new ArrayList<>();
        for (Path file : files()) {
            rules.addAll(parse(file, Repository.read(file)));
        }
        return rules;
    }

    static List<Rule> alerts() {
        return all().stream().filter(Rule::isAlert).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Rule> parse(Path file, String yaml) {
        Map<String, Object> spec = new Yaml().load(yaml);
        List<Rule> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) spec.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                rules.add(new Rule(file, (String) group.get("name"), (String) rule.get("alert"),
                        (String) rule.get("record"), (String) rule.get("expr"), (String) rule.get("for"),
                        strings(rule.get("labels")), strings(rule.get("annotations"))));
            }
        }
        return rules;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> strings(Object map) {
        return map == null ? Map.of() : (Map<String, String>) map;
    }
}
