package dev.orderflow.chart;

import java.util.ArrayList;
import java.util.List;

/** Every rendered object against the pinned Kubernetes API, or, for monitoring.coreos.com, the Prometheus Operator's. */
final class StrictValidator {

    private final KubernetesApi kubernetes = new KubernetesApi();
    private final PrometheusOperatorApi prometheusOperator = new PrometheusOperatorApi();

    List<String> problems(RenderedChart.Manifest manifest) {
        if (manifest.apiVersion().startsWith("monitoring.coreos.com/")) {
            return prometheusOperator.validate(manifest.content());
        }
        return kubernetes.validate(manifest.content());
    }

    List<String> problems(RenderedChart chart) {
        List<String> all = new ArrayList<>();
        for (RenderedChart.Manifest manifest : chart.manifests()) {
            problems(manifest).forEach(problem -> all.add(manifest.kind() + "/" + manifest.name() + ": " + problem));
        }
        return all;
    }
}
