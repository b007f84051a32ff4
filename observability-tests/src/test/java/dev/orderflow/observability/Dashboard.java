package dev.orderflow.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Grafana dashboard of observability/dashboards, as JSON and as the panels and variables tests need. */
final class Dashboard {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((?<match>.+),\\s*(?<label>\\w+)\\)");

    record Variable(String name, String type, String query, boolean multi) {

        /** For {@code label_values(selector, label)}: the selector. */
        String selector() {
            return labelValues().group("match");
        }

        String label() {
            return labelValues().group("label");
        }

        private Matcher labelValues() {
            Matcher matcher = LABEL_VALUES.matcher(query);
            if (!matcher.matches()) {
                throw new IllegalStateException("variable " + name + " is not a label_values query: " + query);
            }
            return matcher;
        }
    }

    record Target(String refId, String expr, String legend) {
    }

    record Panel(int id, String type, String title, String description, String unit, String datasourceUid,
                 List<Target> targets) {
    }

    private final Path file;
    private final JsonNode json;

    private Dashboard(Path file, JsonNode json) {
        this.file = file;
        this.json = json;
    }

    static List<Dashboard> all() {
        return Repository.files(Repository.DASHBOARDS, ".json").stream().map(Dashboard::load).toList();
    }

    static Dashboard load(Path file) {
        try {
            return new Dashboard(file, JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dashboard named(String fileName) {
        return load(Repository.DASHBOARDS.resolve(fileName));
    }

    Path file() {
        return file;
    }

    String name() {
        return file.getFileName().toString().replace(".json", "");
    }

    JsonNode json() {
        return json;
    }

    String uid() {
        return json.path("uid").asText();
    }

    String title() {
        return json.path("title").asText();
    }

    /** Every panel that shows data; rows are left out. */
    List<Panel> panels() {
        List<Panel> panels = new ArrayList<>();
        for (JsonNode panel : json.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            List<Target> targets = new ArrayList<>();
            for (JsonNode target : panel.path("targets")) {
                targets.add(new Target(target.path("refId").asText(), target.path("expr").asText(),
                        target.path("legendFormat").asText()));
            }
            String unit = panel.path("fieldConfig").path("defaults").path("unit").asText();
            panels.add(new Panel(panel.path("id").asInt(), panel.path("type").asText(), panel.path("title").asText(),
                    panel.path("description").asText(), unit, panel.path("datasource").path("uid").asText(), targets));
        }
        return panels;
    }

    Panel panel(String title) {
        return panels().stream().filter(panel -> panel.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError(name() + " has no panel titled " + title));
    }

    List<Variable> variables() {
        List<Variable> variables = new ArrayList<>();
        for (JsonNode variable : json.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            variables.add(new Variable(variable.path("name").asText(), variable.path("type").asText(),
                    query.isObject() ? query.path("query").asText() : query.asText(),
                    variable.path("multi").asBoolean()));
        }
        return variables;
    }

    List<JsonNode> links() {
        List<JsonNode> links = new ArrayList<>();
        json.path("links").forEach(links::add);
        return links;
    }

    /**
     * Replaces the dashboard's variables in a query as Grafana does before sending it: {@code $name} and
     * {@code ${name}} by their values (longest names first, so {@code $pod} never eats {@code $podname}).
     */
    static String substitute(String expr, Map<String, String> values) {
        String result = expr;
        List<String> names = values.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String name : names) {
            result = result.replace("${" + name + "}", values.get(name)).replace("$" + name, values.get(name));
        }
        return result;
    }
}
