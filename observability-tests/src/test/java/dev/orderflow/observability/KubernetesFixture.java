package dev.orderflow.observability;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * The Kubernetes series the workload dashboard and the pod alerts read, as kube-state-metrics v2 and the kubelet's
 * cAdvisor expose them through kube-prometheus-stack (same names and labels), for 40 minutes of one release in the
 * namespace {@code orderflow}. No cluster runs here, so this is a written scenario, not a recording: load ramps up,
 * the gateway's autoscaler goes from 2 to its maximum of 6, one gateway pod's memory creeps towards its limit, and
 * one processor pod is OOM-killed again and again until it waits in CrashLoopBackOff. Also present, to be filtered
 * out: a pod-level cgroup (no container), DynamoDB Local's pod, and a pod of another namespace.
 */
final class KubernetesFixture {

    static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration STEP = Duration.ofSeconds(15);
    static final int SAMPLES = 161;
    static final Instant END = START.plus(STEP.multipliedBy(SAMPLES - 1));
    static final String NAMESPACE = "orderflow";

    private static final double MIB = 1024 * 1024;
    /** A sample that is not there: the series is absent at that time. */
    private static final double NaN = Double.NaN;
    private static final String KSM = "job=\"kube-state-metrics\", instance=\"10.244.0.12:8080\", "
            + "service=\"kube-prometheus-stack-kube-state-metrics\", endpoint=\"http\"";
    private static final String KUBELET = "job=\"kubelet\", metrics_path=\"/metrics/cadvisor\", node=\"minikube\", "
            + "instance=\"192.168.49.2:10250\", service=\"kube-prometheus-stack-kubelet\", endpoint=\"https-metrics\"";

    /** A pod of the scenario: when it starts (sample index) and what it does. */
    private record Pod(String namespace, String name, String container, String image, int from) {
    }

    private static final Pod GATEWAY_A = new Pod(NAMESPACE, "order-gateway-6f7d8b9c4d-x2k4p", "order-gateway",
            "orderflow-gateway:0.1.0", 0);
    private static final Pod PROCESSOR_B = new Pod(NAMESPACE, "order-processor-5c6b7d8f9-r8w3n", "order-processor",
            "orderflow-processor:0.1.0", 0);
    private static final Pod[] PODS = {
        GATEWAY_A,
        new Pod(NAMESPACE, "order-gateway-6f7d8b9c4d-q9m7z", "order-gateway", "orderflow-gateway:0.1.0", 0),
        new Pod(NAMESPACE, "order-gateway-6f7d8b9c4d-h5t2v", "order-gateway", "orderflow-gateway:0.1.0", 32),
        new Pod(NAMESPACE, "order-gateway-6f7d8b9c4d-c7n1b", "order-gateway", "orderflow-gateway:0.1.0", 40),
        new Pod(NAMESPACE, "order-gateway-6f7d8b9c4d-m3k8d", "order-gateway", "orderflow-gateway:0.1.0", 48),
        new Pod(NAMESPACE, "order-gateway-6f7d8b9c4d-w6p4f", "order-gateway", "orderflow-gateway:0.1.0", 56),
        new Pod(NAMESPACE, "order-processor-5c6b7d8f9-j2d5s", "order-processor", "orderflow-processor:0.1.0", 0),
        PROCESSOR_B,
        new Pod(NAMESPACE, "order-processor-5c6b7d8f9-t6y9k", "order-processor", "orderflow-processor:0.1.0", 40),
        new Pod(NAMESPACE, "order-processor-5c6b7d8f9-b1v7x", "order-processor", "orderflow-processor:0.1.0", 48),
        new Pod(NAMESPACE, "dynamodb-local-7b8c9d-f4g5h", "dynamodb-local", "orderflow-dynamodb-local:0.1.0", 0),
        new Pod("kube-system", "coredns-668d6bf9bc-9kq2x", "coredns", "registry.k8s.io/coredns/coredns:v1.11.3", 0),
    };
    /** Sample indexes at which PROCESSOR_B is OOM-killed; it waits in CrashLoopBackOff for a while after each. */
    private static final int[] KILLS = {80, 96, 116, 140};
    private static final int[] BACK_OFF = {2, 4, 8, 16};

    private final Map<String, Map<String, double[]>> families = new LinkedHashMap<>();

    private KubernetesFixture() {
    }

    /** Writes the scenario in the OpenMetrics text format `promtool tsdb create-blocks-from openmetrics` reads. */
    static Path write(Path file) throws IOException {
        KubernetesFixture fixture = new KubernetesFixture();
        fixture.scenario();
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            for (Map.Entry<String, Map<String, double[]>> family : fixture.families.entrySet()) {
                for (Map.Entry<String, double[]> series : family.getValue().entrySet()) {
                    double[] values = series.getValue();
                    for (int i = 0; i < values.length; i++) {
                        if (!Double.isNaN(values[i])) {
                            out.write(String.format(Locale.ROOT, "%s{%s} %s %d%n", family.getKey(), series.getKey(),
                                    number(values[i]), START.plus(STEP.multipliedBy(i)).getEpochSecond()));
                        }
                    }
                }
            }
            out.write("# EOF\n");
        }
        return file;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.6f", value);
    }

    private void scenario() {
        for (Pod pod : PODS) {
            String ksm = "namespace=\"%s\", pod=\"%s\", container=\"%s\", ".formatted(pod.namespace(), pod.name(),
                    pod.container()) + KSM;
            String cadvisor = "namespace=\"%s\", pod=\"%s\", container=\"%s\", image=\"%s\", ".formatted(
                    pod.namespace(), pod.name(), pod.container(), pod.image()) + KUBELET;
            boolean gateway = pod.container().equals("order-gateway");
            boolean service = gateway || pod.container().equals("order-processor");
            series("kube_pod_container_info", ksm + ", image=\"" + pod.image() + "\"", i -> alive(pod, i) ? 1 : NaN);
            series("kube_pod_container_resource_requests", ksm + ", resource=\"cpu\", unit=\"core\"",
                    i -> alive(pod, i) ? (gateway ? 0.25 : service ? 0.2 : 0.1) : NaN);
            series("kube_pod_container_resource_limits", ksm + ", resource=\"cpu\", unit=\"core\"",
                    i -> alive(pod, i) ? 1 : NaN);
            series("kube_pod_container_resource_requests", ksm + ", resource=\"memory\", unit=\"byte\"",
                    i -> alive(pod, i) ? 256 * MIB : NaN);
            series("kube_pod_container_resource_limits", ksm + ", resource=\"memory\", unit=\"byte\"",
                    i -> alive(pod, i) ? (service ? 320 * MIB : 512 * MIB) : NaN);
            series("kube_pod_container_status_ready", ksm, i -> alive(pod, i) ? (waiting(pod, i) ? 0 : 1) : NaN);
            series("kube_pod_container_status_restarts_total", ksm, i -> alive(pod, i) ? kills(pod, i) : NaN);
            series("kube_pod_container_status_waiting_reason", ksm + ", reason=\"CrashLoopBackOff\"",
                    i -> waiting(pod, i) ? 1 : NaN);
            series("kube_pod_container_status_last_terminated_reason", ksm + ", reason=\"OOMKilled\"",
                    i -> kills(pod, i) > 0 ? 1 : NaN);
            series("container_cpu_usage_seconds_total", cadvisor, i -> cpuSeconds(pod, i));
            series("container_cpu_cfs_periods_total", cadvisor, i -> running(pod, i) ? sinceStart(pod, i) * 10 : NaN);
            series("container_cpu_cfs_throttled_periods_total", cadvisor, i -> throttledPeriods(pod, i));
            series("container_memory_working_set_bytes", cadvisor, i -> workingSet(pod, i));
        }
        // the pod-level cgroup of a gateway pod: no container, no image; the filters must leave it out
        series("container_memory_working_set_bytes", "namespace=\"%s\", pod=\"%s\", container=\"\", image=\"\", "
                .formatted(NAMESPACE, GATEWAY_A.name()) + KUBELET, i -> workingSet(GATEWAY_A, i) + 12 * MIB);
        // the gateway's autoscaler wants 7 at the peak and stays at its maximum of 6
        hpa("order-gateway", KubernetesFixture::gateways, i -> i < 28 ? 2 : Math.min(7, gateways(i) + 1));
        hpa("order-processor", KubernetesFixture::processors, i -> i < 36 ? 2 : Math.min(4, processors(i) + 1));
    }

    private void hpa(String name, IntToDoubleFunction current, IntToDoubleFunction desired) {
        String labels = "namespace=\"%s\", horizontalpodautoscaler=\"%s\", ".formatted(NAMESPACE, name) + KSM;
        series("kube_horizontalpodautoscaler_status_current_replicas", labels, current);
        series("kube_horizontalpodautoscaler_status_desired_replicas", labels, desired);
        series("kube_horizontalpodautoscaler_spec_min_replicas", labels, i -> 2);
        series("kube_horizontalpodautoscaler_spec_max_replicas", labels, i -> 6);
    }

    private void series(String metric, String labels, IntToDoubleFunction value) {
        double[] values = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            values[i] = value.applyAsDouble(i);
        }
        // written with spaces for reading; OpenMetrics allows none between labels
        families.computeIfAbsent(metric, name -> new LinkedHashMap<>()).put(labels.replace("\", ", "\","), values);
    }

    private static boolean alive(Pod pod, int i) {
        return i >= pod.from();
    }

    /** Orders per second the release takes: 20, ramping to 360 between minutes 5 and 15. */
    private static double load(int i) {
        return 20 + 340 * Math.min(1, Math.max(0, (i - 20) / 40.0));
    }

    private static int gateways(int i) {
        return i < 32 ? 2 : Math.min(6, 3 + (i - 32) / 8);
    }

    private static int processors(int i) {
        return i < 40 ? 2 : i < 48 ? 3 : 4;
    }

    private static int kills(Pod pod, int i) {
        int kills = 0;
        for (int kill : KILLS) {
            kills += pod == PROCESSOR_B && i >= kill ? 1 : 0;
        }
        return kills;
    }

    private static boolean waiting(Pod pod, int i) {
        for (int k = 0; k < KILLS.length; k++) {
            if (pod == PROCESSOR_B && i >= KILLS[k] && i < KILLS[k] + BACK_OFF[k]) {
                return true;
            }
        }
        return pod == PROCESSOR_B && i >= KILLS[KILLS.length - 1];
    }

    private static boolean running(Pod pod, int i) {
        return alive(pod, i) && !waiting(pod, i);
    }

    /** Sample index the container last started at: the pod's start, or its last restart. */
    private static int lastStart(Pod pod, int i) {
        int start = pod.from();
        for (int k = 0; k < KILLS.length; k++) {
            if (pod == PROCESSOR_B && i >= KILLS[k] + BACK_OFF[k]) {
                start = KILLS[k] + BACK_OFF[k];
            }
        }
        return start;
    }

    private static double sinceStart(Pod pod, int i) {
        return (i - lastStart(pod, i)) * STEP.toSeconds();
    }

    /** CPU per order as the benchmark measured it (docs/performance.md), shared by the replicas running. */
    private static double cores(Pod pod, int i) {
        if (pod.container().equals("order-gateway")) {
            return load(i) * 0.003 / gateways(i);
        }
        if (pod.container().equals("order-processor")) {
            return load(i) * 0.0024 / processors(i);
        }
        return 0.05;
    }

    private static double cpuSeconds(Pod pod, int i) {
        return sinceLastStart(pod, i, j -> cores(pod, j) * STEP.toSeconds());
    }

    /** 10 CFS periods a second, the share of them throttled added up since the container started. */
    private static double throttledPeriods(Pod pod, int i) {
        return sinceLastStart(pod, i, j -> 10 * STEP.toSeconds() * throttledShare(pod, j));
    }

    /** A counter of the running container: what each sample since its last start added. */
    private static double sinceLastStart(Pod pod, int i, IntToDoubleFunction increment) {
        if (!running(pod, i)) {
            return NaN;
        }
        double total = 0;
        for (int j = lastStart(pod, i) + 1; j <= i; j++) {
            total += increment.applyAsDouble(j);
        }
        return total;
    }

    /** A JVM's bursts (GC, JIT) hit the 1-core limit now and then; more often the busier the pod. */
    private static double throttledShare(Pod pod, int i) {
        return Math.min(0.3, Math.max(0, (cores(pod, i) / 0.25 - 0.4) * 0.3));
    }

    private static double workingSet(Pod pod, int i) {
        if (!running(pod, i)) {
            return NaN;
        }
        if (pod == GATEWAY_A) {
            return (220 + 85.0 * i / (SAMPLES - 1)) * MIB;
        }
        if (pod == PROCESSOR_B) {
            return (215 + 105.0 * Math.min(1, (i - lastStart(pod, i)) / 16.0)) * MIB;
        }
        return (pod.container().startsWith("order-") ? 212 + 20 * load(i) / 200 : 300) * MIB;
    }
}
