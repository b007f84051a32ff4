package dev.orderflow.chart;

import dev.orderflow.chart.KubePlayManifests.Playable;
import dev.orderflow.chart.RenderedChart.Manifest;
import dev.orderflow.testsupport.FreePorts;
import dev.orderflow.testsupport.containers.Podman;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart's rendered workloads running under {@code podman kube play} on a user network of their own, all played
 * at once as {@code helm install} creates them: every Deployment's pod answers on the network to the name of the
 * rendered Service that selects it, and the table bootstrap Job's pod runs beside them.
 */
final class RunningChart {

    /** How long a pod may stay unready after its startup probe passed; Kubernetes itself sets no bound. */
    private static final Duration READY_LIMIT = Duration.ofMinutes(2);

    /**
     * One played pod.
     *
     * @param container the rendered container, as the chart defines it (probes, ports, env)
     * @param containerName podman's name for the running container
     */
    record Workload(String name, Playable playable, Map<String, Object> container, String containerName) {

        int hostPort(int containerPort) {
            Integer port = playable.hostPorts().get(containerPort);
            if (port == null) {
                throw new AssertionError(name + " publishes no container port " + containerPort);
            }
            return port;
        }
    }

    private final Podman podman;
    private final KubePlayManifests manifestsForPodman;
    private final RenderedChart chart;
    private final Path manifests;
    private final String network;
    private final Map<String, Workload> deployments = new LinkedHashMap<>();
    private final List<Workload> played = new ArrayList<>();
    private final Workload job;

    private RunningChart(Podman podman, RenderedChart chart, Path manifests) {
        this.podman = podman;
        this.manifestsForPodman = new KubePlayManifests(FreePorts::next, podman.ownerLabel());
        this.chart = chart;
        this.manifests = manifests;
        this.network = podman.createNetwork();
        for (Manifest deployment : chart.ofKind("Deployment")) {
            Playable playable = manifestsForPodman.deployment(deployment, chart,
                    podman.uniqueName(deployment.name()));
            String service = serviceSelecting(deployment).name();
            podman.kubePlay(write(playable), network, service);
            deployments.put(deployment.name(), workload(deployment.name(), playable,
                    deployment.at("spec", "template", "spec")));
            played.add(deployments.get(deployment.name()));
        }
        List<Manifest> jobs = chart.ofKind("Job");
        if (jobs.size() != 1) {
            throw new AssertionError("expected one Job (the table bootstrap), rendered: " + chart.kindsAndNames());
        }
        Playable jobPod = manifestsForPodman.jobAsPod(jobs.get(0), podman.uniqueName("create-tables"));
        podman.kubePlay(write(jobPod), network);
        this.job = workload(jobs.get(0).name(), jobPod, jobs.get(0).at("spec", "template", "spec"));
        played.add(job);
    }

    /** Plays every Deployment and the Job's pod; returns once they run (not once they are ready). */
    static RunningChart start(Podman podman, RenderedChart chart, Path manifests) {
        return new RunningChart(podman, chart, manifests);
    }

    Workload deployment(String name) {
        Workload workload = deployments.get(name);
        if (workload == null) {
            throw new AssertionError("no Deployment " + name + " played; played: " + deployments.keySet());
        }
        return workload;
    }

    Map<String, Workload> deployments() {
        return deployments;
    }

    Workload job() {
        return job;
    }

    /** The rendered Service whose selector picks the Deployment's pods: the name it answers to on the network. */
    Manifest serviceSelecting(Manifest deployment) {
        Map<String, Object> labels = deployment.mapAt("spec", "template", "metadata", "labels");
        List<Manifest> services = chart.ofKind("Service").stream()
                .filter(service -> labels.entrySet().containsAll(service.mapAt("spec", "selector").entrySet()))
                .toList();
        if (services.size() != 1) {
            throw new AssertionError("expected one Service selecting " + deployment.name() + ", found " + services);
        }
        return services.get(0);
    }

    /**
     * Waits as the kubelet does: the startup probe every period until it passes, and fails where the kubelet would
     * restart the container (failureThreshold failures in a row); then the readiness probe until it passes.
     *
     * @return how long it took from this call
     */
    Duration awaitReady(Workload workload) {
        Instant started = Instant.now();
        RenderedProbe startup = RenderedProbe.get(workload.container(), "startupProbe");
        int failures = 0;
        while (!startup.succeeds(workload.hostPort(startup.containerPort()))) {
            assertRunning(workload);
            if (++failures >= startup.failureThreshold()) {
                throw new AssertionError(workload.name() + ": " + startup + " failed " + failures
                        + " times; the kubelet would restart the container. Its log:\n" + logs(workload));
            }
            sleep(startup.period());
        }
        RenderedProbe readiness = RenderedProbe.get(workload.container(), "readinessProbe");
        Instant limit = Instant.now().plus(READY_LIMIT);
        while (!readiness.succeeds(workload.hostPort(readiness.containerPort()))) {
            assertRunning(workload);
            if (Instant.now().isAfter(limit)) {
                throw new AssertionError(workload.name() + " not ready after " + READY_LIMIT + ". Its log:\n"
                        + logs(workload));
            }
            sleep(readiness.period());
        }
        return Duration.between(started, Instant.now());
    }

    /** Waits for a pod with restartPolicy Never to finish; its container's exit code. */
    int awaitExit(Workload workload, Duration timeout) {
        return podman.awaitExit(workload.containerName(), timeout);
    }

    /**
     * Plays the chart's {@code helm test} Pod (restartPolicy Never) on the network, in {@code image}, once the rest
     * runs.
     */
    Workload playTestPod(Manifest rendered, String image) {
        Playable pod = manifestsForPodman.testPod(rendered, podman.uniqueName("helm-test"), image);
        podman.kubePlay(write(pod), network);
        Workload workload = workload(rendered.name(), pod, rendered.at("spec"));
        played.add(workload);
        return workload;
    }

    String logs(Workload workload) {
        return podman.logs(workload.containerName());
    }

    String inspect(Workload workload, String goTemplate) {
        return podman.inspect(workload.containerName(), goTemplate);
    }

    long pid(Workload workload) {
        return podman.pid(workload.containerName());
    }

    /** Keeps every played container's log next to the other container logs; podman's clean-up removes them. */
    void saveLogs(Path directory) {
        try {
            Files.createDirectories(directory);
            for (Workload workload : played) {
                try {
                    Files.writeString(directory.resolve(workload.containerName() + ".log"), logs(workload));
                } catch (RuntimeException notStarted) {
                    // a pod that never started has no log; the other logs matter more
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertRunning(Workload workload) {
        if (!podman.isRunning(workload.containerName())) {
            throw new AssertionError(workload.name() + " stopped. Its log:\n" + logs(workload));
        }
    }

    private Workload workload(String name, Playable playable, Object podSpec) {
        List<Map<String, Object>> containers = KubePlayManifests.containers(Manifest.asMap(podSpec));
        if (containers.size() != 1) {
            throw new AssertionError(name + " has " + containers.size() + " containers; these tests expect one");
        }
        Map<String, Object> container = containers.get(0);
        return new Workload(name, playable, container, playable.containerName((String) container.get("name")));
    }

    private Path write(Playable playable) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        try {
            Path file = Files.createDirectories(manifests).resolve(playable.podName() + ".yaml");
            Files.writeString(file, new Yaml(options).dumpAll(playable.documents().iterator()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
