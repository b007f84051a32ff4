package dev.orderflow.testsupport.containers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Podman#run} starts: an image, its environment, the container ports to publish on the loopback
 * interface, and whether it runs hardened as the deployments run it (read-only root with only /tmp writable, no
 * capabilities, no privilege gain). The user is left to the image, so that a test sees the image's own.
 */
public final class ContainerSpec {

    /** The options that harden a container in every deployment of this project (compose, chart, task definition). */
    public static final List<String> HARDENING = List.of("--read-only", "--tmpfs", "/tmp:rw,nosuid,nodev,size=64m",
            "--cap-drop", "ALL", "--security-opt", "no-new-privileges");

    private final String image;
    private final String role;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<Integer> publishedPorts = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();
    private String network;
    private String entrypoint;
    private boolean hardened;

    private ContainerSpec(String image, String role) {
        this.image = image;
        this.role = role;
    }

    /** @param role short lower-case word that starts the container's unique name, e.g. {@code gateway} */
    public static ContainerSpec of(String image, String role) {
        return new ContainerSpec(image, role);
    }

    public ContainerSpec network(String name) {
        this.network = name;
        return this;
    }

    public ContainerSpec env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public ContainerSpec publish(int containerPort) {
        publishedPorts.add(containerPort);
        return this;
    }

    public ContainerSpec hardened() {
        this.hardened = true;
        return this;
    }

    /** JSON array form, as {@code podman run --entrypoint} takes it, e.g. {@code ["java","-jar","/app/app.jar"]}. */
    public ContainerSpec entrypoint(String jsonArray) {
        this.entrypoint = jsonArray;
        return this;
    }

    public ContainerSpec args(String... values) {
        arguments.addAll(List.of(values));
        return this;
    }

    String role() {
        return role;
    }

    List<String> runOptions() {
        List<String> options = new ArrayList<>();
        if (network != null) {
            options.addAll(List.of("--network", network));
        }
        environment.forEach((name, value) -> options.addAll(List.of("--env", name + "=" + value)));
        publishedPorts.forEach(port -> options.addAll(List.of("--publish", "127.0.0.1::" + port)));
        if (hardened) {
            options.addAll(HARDENING);
        }
        if (entrypoint != null) {
            options.addAll(List.of("--entrypoint", entrypoint));
        }
        options.add(image);
        options.addAll(arguments);
        return options;
    }
}
