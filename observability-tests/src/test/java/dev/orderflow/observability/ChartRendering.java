package dev.orderflow.observability;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The orderflow chart rendered by the real Helm engine (helm-java), as chart-tests renders it, with its monitoring
 * objects switched on: what a cluster with kube-prometheus-stack would receive.
 */
final class ChartRendering {

    private ChartRendering() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> render(Map<String, Object> values) {
        TemplateCommand template = new Helm(Repository.CHART).template().withName("orderflow")
                .withNamespace("orderflow").withKubeVersion("1.32.0")
                .set("monitoring.serviceMonitor.enabled", true)
                .set("monitoring.prometheusRule.enabled", true)
                .set("monitoring.dashboards.enabled", true);
        values.forEach(template::set);
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (Object document : new Yaml().loadAll(template.call())) {
            if (document != null) {
                manifests.add((Map<String, Object>) document);
            }
        }
        return manifests;
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> manifests, String kind) {
        return manifests.stream().filter(manifest -> kind.equals(manifest.get("kind"))).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> manifest, String... path) {
        Object current = manifest;
        for (String key : path) {
            current = ((Map<String, Object>) current).get(key);
        }
        return (Map<String, Object>) current;
    }

    static String name(Map<String, Object> manifest) {
        return (String) map(manifest, "metadata").get("name");
    }
}
