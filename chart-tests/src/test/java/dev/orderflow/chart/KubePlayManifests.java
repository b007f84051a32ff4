package dev.orderflow.chart;

import dev.orderflow.chart.RenderedChart.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The chart's rendered workloads as podman 4.3's {@code kube play} can run them. Podman plays Deployments (a pod per
 * replica), Pods and ConfigMaps: image, args, command, env, envFrom, container ports, securityContext, resource
 * limits and emptyDir volumes. Each method below changes one thing that podman cannot express the way Kubernetes does, and
 * says why; everything else is passed on as rendered ({@code KubePlayManifestsTest} holds the changes to this list).
 */
final class KubePlayManifests {

    private static final List<String> PROBES = List.of("startupProbe", "livenessProbe", "readinessProbe");

    private final IntSupplier freePorts;
    private final Map.Entry<String, String> ownerLabel;

    /**
     * @param freePorts free loopback ports, to publish the container ports on
     * @param ownerLabel the label by which a later run finds the pods of a test JVM that was killed
     */
    KubePlayManifests(IntSupplier freePorts, Map.Entry<String, String> ownerLabel) {
        this.freePorts = freePorts;
        this.ownerLabel = ownerLabel;
    }

    /**
     * What one {@code kube play} gets: the pod's workload and the ConfigMaps its containers read.
     *
     * @param podName the pod podman creates, which prefixes its containers' names
     * @param hostPorts the loopback port each container port is published on
     */
    record Playable(String podName, Map<String, Object> workload, List<Map<String, Object>> configMaps,
                    Map<Integer, Integer> hostPorts) {

        /** podman names a pod's container {@code <pod>-<container>}. */
        String containerName(String container) {
            return podName + "-" + container;
        }

        List<Map<String, Object>> documents() {
            List<Map<String, Object>> documents = new ArrayList<>(configMaps);
            documents.add(workload);
            return documents;
        }
    }

    /** A rendered Deployment, with the rendered ConfigMaps its containers' {@code envFrom} name, unchanged. */
    Playable deployment(Manifest deployment, RenderedChart chart, String name) {
        if (!Integer.valueOf(1).equals(deployment.at("spec", "replicas"))) {
            // podman would play a pod per replica, all on the same host ports, and a network alias balances nothing
            throw new AssertionError(deployment.name() + " asks for " + deployment.at("spec", "replicas")
                    + " replicas; the run plays one pod per Deployment, as values-dev.yaml asks");
        }
        Map<String, Object> copy = deepCopy(deployment.content());
        renamed(copy, name);
        Map<String, Object> template = Manifest.asMap(new Manifest(copy).at("spec", "template"));
        labelled(template);
        Map<String, Object> podSpec = Manifest.asMap(template.get("spec"));
        Map<Integer, Integer> hostPorts = adaptPodSpec(podSpec, name);
        // podman names a Deployment's only pod <deployment>-pod-0
        return new Playable(name + "-pod-0", copy, configMapsReadBy(podSpec, chart), hostPorts);
    }

    /** A rendered Job's pod template, played as the Pod the Job would create. */
    Playable jobAsPod(Manifest job, String name) {
        Map<String, Object> pod = podOfJob(job);
        renamed(pod, name);
        labelled(pod);
        Map<Integer, Integer> hostPorts = adaptPodSpec(Manifest.asMap(pod.get("spec")), name);
        return new Playable(name, pod, List.of(), hostPorts);
    }

    /** The rendered {@code helm test} Pod in an image that can be had here. */
    Playable testPod(Manifest pod, String name, String image) {
        Map<String, Object> copy = deepCopy(pod.content());
        renamed(copy, name);
        labelled(copy);
        Map<String, Object> spec = Manifest.asMap(copy.get("spec"));
        inLocalImage(spec, image);
        Map<Integer, Integer> hostPorts = adaptPodSpec(spec, name);
        return new Playable(name, copy, List.of(), hostPorts);
    }

    /**
     * Pod names are global on the host, not per namespace: two runs at once (or another checkout's tests) would
     * collide on the rendered names. The Service names the pods answer to are network aliases instead.
     */
    private static void renamed(Map<String, Object> manifest, String name) {
        Manifest.asMap(manifest.get("metadata")).put("name", name);
    }

    /**
     * Not for podman but for the tests' clean-up: a pod of a test JVM killed before it could remove its pods is
     * removed by the next run, which finds it by this label. Kubernetes sets no such thing; the Deployment's
     * selector is unchanged.
     */
    private void labelled(Map<String, Object> podOrTemplate) {
        Map<String, Object> metadata = Manifest.asMap(podOrTemplate.get("metadata"));
        Map<String, Object> labels = new LinkedHashMap<>(Manifest.asMap(metadata.get("labels")));
        labels.put(ownerLabel.getKey(), ownerLabel.getValue());
        metadata.put("labels", labels);
    }

    /**
     * podman 4.3 has no Job kind ("YAML document does not contain any supported kube kind"). Its pod template is
     * what the Job runs; restartPolicy Never and the exit code stand in for the Job's completion.
     */
    private static Map<String, Object> podOfJob(Manifest job) {
        Map<String, Object> template = deepCopy(job.mapAt("spec", "template"));
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        pod.put("metadata", template.get("metadata"));
        pod.put("spec", template.get("spec"));
        return pod;
    }

    /**
     * The pinned public curl image cannot be pulled here (no registry). The Pod runs its rendered command and script
     * in an image built here with the same tool (Debian's curl, sh and grep); users keep the pinned image.
     */
    private static void inLocalImage(Map<String, Object> podSpec, String image) {
        containers(podSpec).forEach(container -> container.put("image", image));
    }

    private Map<Integer, Integer> adaptPodSpec(Map<String, Object> podSpec, String podName) {
        Map<Integer, Integer> hostPorts = new LinkedHashMap<>();
        for (Map<String, Object> container : containers(podSpec)) {
            withoutProbes(container);
            hostPorts.putAll(publishedOnLoopback(container));
        }
        emptyDirsOfTheirOwn(podSpec, podName);
        return hostPorts;
    }

    /**
     * podman 4.3 turns probes into health checks that run {@code curl} or {@code nc} through {@code /bin/sh} inside
     * the container, which the images deliberately lack (ADR 0020), reads a named port as port 0, and schedules
     * them with systemd timers, which a container-less CI machine may not have. The tests run the rendered probes
     * themselves instead, from outside the pod as the kubelet does ({@code RenderedProbe}).
     */
    private static void withoutProbes(Map<String, Object> container) {
        PROBES.forEach(container::remove);
    }

    /**
     * podman 4.3 publishes every container port on the host's same port, on every address (Kubernetes publishes
     * none, and podman 5 no longer does by default). DynamoDB Local and the gateway both listen on 8000, and other
     * runs on this machine use these ports too: each container port is published on a free loopback port instead,
     * which the tests use as {@code kubectl port-forward} would be used. The container port stays as rendered.
     */
    private Map<Integer, Integer> publishedOnLoopback(Map<String, Object> container) {
        Map<Integer, Integer> hostPorts = new LinkedHashMap<>();
        Object ports = container.get("ports");
        if (ports == null) {
            return hostPorts;
        }
        for (Object entry : Manifest.asList(ports)) {
            Map<String, Object> port = Manifest.asMap(entry);
            int hostPort = freePorts.getAsInt();
            port.put("hostIP", "127.0.0.1");
            port.put("hostPort", hostPort);
            hostPorts.put(((Number) port.get("containerPort")).intValue(), hostPort);
        }
        return hostPorts;
    }

    /**
     * podman 4.3 backs an emptyDir with a volume named after it, shared by every pod on the host whose emptyDir has
     * that name (all of the chart's are {@code tmp}), and {@code kube down} of one pod then fails to remove it while
     * another uses it. A name of the pod's own gives each pod its own {@code /tmp}, as Kubernetes does.
     */
    private static void emptyDirsOfTheirOwn(Map<String, Object> podSpec, String podName) {
        Object volumes = podSpec.get("volumes");
        if (volumes == null) {
            return;
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Object entry : Manifest.asList(volumes)) {
            Map<String, Object> volume = Manifest.asMap(entry);
            if (volume.containsKey("emptyDir")) {
                String name = podName + "-" + volume.get("name");
                renamed.put((String) volume.get("name"), name);
                volume.put("name", name);
            }
        }
        for (Map<String, Object> container : containers(podSpec)) {
            Object mounts = container.get("volumeMounts");
            if (mounts != null) {
                for (Object entry : Manifest.asList(mounts)) {
                    Map<String, Object> mount = Manifest.asMap(entry);
                    mount.computeIfPresent("name", (key, name) -> renamed.getOrDefault((String) name, (String) name));
                }
            }
        }
    }

    private static List<Map<String, Object>> configMapsReadBy(Map<String, Object> podSpec, RenderedChart chart) {
        List<Map<String, Object>> configMaps = new ArrayList<>();
        for (Map<String, Object> container : containers(podSpec)) {
            Object envFrom = container.get("envFrom");
            if (envFrom != null) {
                for (Object source : Manifest.asList(envFrom)) {
                    Object reference = Manifest.asMap(source).get("configMapRef");
                    if (reference != null) {
                        String name = (String) Manifest.asMap(reference).get("name");
                        configMaps.add(deepCopy(chart.get("ConfigMap", name).content()));
                    }
                }
            }
        }
        return configMaps;
    }

    static List<Map<String, Object>> containers(Map<String, Object> podSpec) {
        return Manifest.asList(podSpec.get("containers")).stream().map(Manifest::asMap).toList();
    }

    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, entry) -> copy.put(key, deepCopy(entry)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(entry -> copy.add(deepCopy(entry)));
            return (T) copy;
        }
        return value;
    }
}
