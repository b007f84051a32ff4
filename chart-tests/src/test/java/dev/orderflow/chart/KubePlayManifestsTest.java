package dev.orderflow.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.chart.KubePlayManifests.Playable;
import dev.orderflow.chart.RenderedChart.Manifest;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What ChartRunsIT plays differs from what the chart renders only by the adaptations KubePlayManifests names: every
 * other field, at any depth, reaches podman as rendered.
 */
class KubePlayManifestsTest {

    private static final RenderedChart CHART = HelmChart.ofRepository().withValues("values-dev.yaml").render();
    private static final String CONTAINER = "spec\\.containers\\[\\d+]";

    @Test
    void aDeploymentLosesOnlyItsProbesAndGetsAUniqueNameAnOwnerLabelLoopbackHostPortsAndEmptyDirsOfItsOwn() {
        for (Manifest deployment : CHART.ofKind("Deployment")) {
            Playable played = manifests().deployment(deployment, CHART, "run-1");

            Set<String> changed = differences(deployment.content(), played.workload());

            String pod = "spec\\.template\\.";
            assertThat(changed).as(deployment.name()).isNotEmpty().allMatch(path -> matchesAny(path,
                    "metadata\\.name",
                    pod + "metadata\\.labels\\.test\\.owner",
                    pod + CONTAINER + "\\.(startupProbe|livenessProbe|readinessProbe)\\..*",
                    pod + CONTAINER + "\\.ports\\[\\d+]\\.(hostIP|hostPort)",
                    pod + "spec\\.volumes\\[\\d+]\\.name",
                    pod + CONTAINER + "\\.volumeMounts\\[\\d+]\\.name"));
            assertThat(played.podName()).isEqualTo("run-1-pod-0");
            assertThat(new Manifest(played.workload()).mapAt("spec", "template", "metadata", "labels"))
                    .containsEntry("test.owner", "42");
            assertThat(new Manifest(played.workload()).at("spec", "template", "spec", "volumes", 0, "name"))
                    .isEqualTo("run-1-tmp");
            assertThat(new Manifest(played.workload()).at("spec", "template", "spec", "containers", 0,
                    "volumeMounts", 0, "name")).isEqualTo("run-1-tmp");
            assertThat(played.hostPorts()).isNotEmpty().allSatisfy((containerPort, hostPort) ->
                    assertThat(hostPort).isBetween(40000, 40100));
        }
    }

    @Test
    void aDeploymentOfMoreThanOneReplicaIsRefused() {
        RenderedChart twoGateways = HelmChart.ofRepository().withValues("values-dev.yaml")
                .set("gateway.replicaCount", 2).render();

        assertThatThrownBy(() -> manifests().deployment(twoGateways.get("Deployment", "order-gateway"), twoGateways,
                "run-8")).isInstanceOf(AssertionError.class).hasMessageContaining("asks for 2 replicas");
    }

    @Test
    void aDeploymentTakesTheConfigMapsItsContainersReadAsRendered() {
        Playable gateway = manifests().deployment(CHART.get("Deployment", "order-gateway"), CHART, "run-1");
        Playable dynamoDb = manifests().deployment(CHART.get("Deployment", "dynamodb-local"), CHART, "run-2");

        assertThat(gateway.configMaps()).containsExactly(CHART.get("ConfigMap", "order-gateway").content());
        assertThat(dynamoDb.configMaps()).isEmpty();
    }

    @Test
    void theJobsPodIsItsPodTemplateUnderAUniqueNameAndAnOwnerLabel() {
        Manifest job = CHART.ofKind("Job").get(0);
        Playable played = manifests().jobAsPod(job, "run-3");
        Map<String, Object> template = new LinkedHashMap<>(job.mapAt("spec", "template"));
        template.put("apiVersion", "v1");
        template.put("kind", "Pod");

        assertThat(differences(template, played.workload())).allMatch(path -> matchesAny(path,
                "metadata\\.name",
                "metadata\\.labels\\.test\\.owner",
                "spec\\.volumes\\[\\d+]\\.name",
                CONTAINER + "\\.volumeMounts\\[\\d+]\\.name"));
        assertThat(new Manifest(played.workload()).at("spec", "restartPolicy")).isEqualTo("Never");
        assertThat(played.podName()).isEqualTo("run-3");
    }

    @Test
    void theHelmTestPodRunsItsRenderedCommandInTheLocalImage() {
        Manifest pod = CHART.ofKind("Pod").get(0);
        Playable played = manifests().testPod(pod, "run-4", "localhost/curl:local");

        assertThat(differences(pod.content(), played.workload()))
                .containsExactlyInAnyOrder("metadata.name", "metadata.labels.test.owner",
                        "spec.containers[0].image");
        assertThat(new Manifest(played.workload()).at("spec", "containers", 0, "image"))
                .isEqualTo("localhost/curl:local");
    }

    @Test
    void theRenderedManifestsAreLeftUntouched() {
        RenderedChart chart = HelmChart.ofRepository().withValues("values-dev.yaml").render();
        List<Map<String, Object>> before = KubePlayManifests.deepCopy(
                chart.manifests().stream().map(Manifest::content).toList());

        chart.ofKind("Deployment").forEach(deployment ->
                manifests().deployment(deployment, chart, "run-5"));
        manifests().jobAsPod(chart.ofKind("Job").get(0), "run-6");
        manifests().testPod(chart.ofKind("Pod").get(0), "run-7", "localhost/curl:local");

        assertThat(chart.manifests().stream().map(Manifest::content).toList()).isEqualTo(before);
    }

    private static KubePlayManifests manifests() {
        AtomicInteger ports = new AtomicInteger(40000);
        return new KubePlayManifests(ports::getAndIncrement, Map.entry("test.owner", "42"));
    }

    private static boolean matchesAny(String path, String... patterns) {
        return List.of(patterns).stream().anyMatch(pattern -> Pattern.matches(pattern, path));
    }

    /** Paths of the leaves that differ, were added or were removed, e.g. {@code spec.containers[0].image}. */
    private static Set<String> differences(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> left = leaves(before);
        Map<String, Object> right = leaves(after);
        Set<String> paths = new HashSet<>(left.keySet());
        paths.addAll(right.keySet());
        paths.removeIf(path -> Objects.equals(left.get(path), right.get(path)));
        return paths;
    }

    private static Map<String, Object> leaves(Object value) {
        Map<String, Object> leaves = new LinkedHashMap<>();
        collect("", value, leaves);
        return leaves;
    }

    private static void collect(String path, Object value, Map<String, Object> leaves) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> collect(path.isEmpty() ? String.valueOf(key) : path + "." + key, entry,
                    leaves));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(path + "[" + i + "]", list.get(i), leaves);
            }
        } else {
            leaves.put(path, value);
        }
    }
}
