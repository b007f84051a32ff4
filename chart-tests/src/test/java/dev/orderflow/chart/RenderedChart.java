package dev.orderflow.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** What {@code helm template} printed, as one map per Kubernetes object. */
record RenderedChart(String text, List<Manifest> manifests) {

    static RenderedChart parse(String text) {
        List<Manifest> manifests = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(text)) {
            if (document != null) {
                manifests.add(new Manifest(Manifest.asMap(document)));
            }
        }
        return new RenderedChart(text, List.copyOf(manifests));
    }

    List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    Manifest get(String kind, String name) {
        return manifests.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + kindsAndNames()));
    }

    boolean has(String kind, String name) {
        return manifests.stream().anyMatch(m -> m.kind().equals(kind) && m.name().equals(name));
    }

    List<String> kindsAndNames() {
        return manifests.stream().map(m -> m.kind() + "/" + m.name()).toList();
    }

    /** Every pod template of the chart: Deployments', Jobs' and the test Pod's own spec, with the owner's name. */
    List<Map.Entry<String, Map<String, Object>>> podSpecs() {
        List<Map.Entry<String, Map<String, Object>>> specs = new ArrayList<>();
        for (Manifest manifest : manifests) {
            Object spec = switch (manifest.kind()) {
                case "Deployment", "Job" -> manifest.at("spec", "template", "spec");
                case "Pod" -> manifest.at("spec");
                default -> null;
            };
            if (spec != null) {
                specs.add(Map.entry(manifest.kind() + "/" + manifest.name(), Manifest.asMap(spec)));
            }
        }
        return specs;
    }

    /** One rendered object. */
    record Manifest(Map<String, Object> content) {

        String kind() {
            return Objects.toString(content.get("kind"), "");
        }

        String apiVersion() {
            return Objects.toString(content.get("apiVersion"), "");
        }

        String name() {
            return Objects.toString(at("metadata", "name"), "");
        }

        /** The value at a path of map keys and list indexes, or null. */
        Object at(Object... path) {
            Object current = content;
            for (Object step : path) {
                if (step instanceof Integer index && current instanceof List<?> list) {
                    current = index < list.size() ? list.get(index) : null;
                } else if (current instanceof Map<?, ?> map) {
                    current = map.get(step);
                } else {
                    return null;
                }
            }
            return current;
        }

        Map<String, Object> mapAt(Object... path) {
            return asMap(Objects.requireNonNull(at(path), () -> "nothing at " + List.of(path) + " in " + name()));
        }

        List<Object> listAt(Object... path) {
            return asList(Objects.requireNonNull(at(path), () -> "nothing at " + List.of(path) + " in " + name()));
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> asMap(Object value) {
            return (Map<String, Object>) value;
        }

        @SuppressWarnings("unchecked")
        static List<Object> asList(Object value) {
            return (List<Object>) value;
        }
    }
}
