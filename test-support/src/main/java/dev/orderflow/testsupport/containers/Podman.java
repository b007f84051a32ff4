package dev.orderflow.testsupport.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * podman driven from tests: containers and networks with names unique to this JVM and labelled with its process id,
 * and {@code podman kube play} manifests. All are removed by {@link #close()} or by a shutdown hook when the JVM is
 * stopped; containers and networks that a JVM killed outright left behind are removed by the next instance on this
 * machine (only those whose owner process is gone). Parallel runs never see each other's names. Every call uses the
 * repository's containers.conf where {@code containers/podman-conf.sh} says this host needs it.
 */
public final class Podman implements AutoCloseable {

    static final String OWNER_LABEL = "dev.orderflow.test.owner";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    private final Optional<String> containersConf;
    private final Path logDirectory;
    private final String runId;
    private final List<String> containers = new ArrayList<>();
    private final List<String> networks = new ArrayList<>();
    private final List<Path> kubeManifests = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::removeAll, "podman-cleanup");
    private int sequence;

    private Podman(Optional<String> containersConf, Path logDirectory) {
        this.containersConf = containersConf;
        this.logDirectory = logDirectory;
        this.runId = ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        removeLeftoversOfDeadRuns();
    }

    /**
     * @param repository the repository's root, whose containers/containers.conf configures podman where needed
     * @param logDirectory where each container's log is written when it is removed
     */
    public static Podman start(Path repository, Path logDirectory) {
        return new Podman(containersConf(repository), logDirectory);
    }

    /**
     * The {@code CONTAINERS_CONF} podman needs on this host: the caller's own if set, else what
     * {@code containers/podman-conf.sh} prints (the repository's file on hybrid-cgroup hosts with runc, nothing where
     * it would force runc on a host that has crun only).
     */
    public static Optional<String> containersConf(Path repository) {
        String own = System.getenv("CONTAINERS_CONF");
        if (own != null && !own.isEmpty()) {
            return Optional.of(own);
        }
        Path script = repository.resolve("containers/podman-conf.sh").toAbsolutePath();
        try {
            Process process = new ProcessBuilder(script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(script + " failed");
            }
            return printed.isEmpty() ? Optional.empty() : Optional.of(printed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Empty when podman can run here; otherwise why not, for a test's skip message. */
    public static Optional<String> unavailableReason() {
        String os = System.getProperty("os.name");
        if (!os.startsWith("Linux")) {
            // podman machine runs containers in a VM: their processes, /proc entries and published ports are not
            // this host's, and the tests read all three.
            return Optional.of("the container tests need Linux, where podman's containers are host processes; this is "
                    + os);
        }
        try {
            Process process = new ProcessBuilder("podman", "--version").redirectErrorStream(true).start();
            if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return Optional.empty();
            }
            return Optional.of("`podman --version` failed");
        } catch (IOException e) {
            return Optional.of("podman is not installed (.ci/setup/20-podman.sh installs it)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /**
     * The label that marks what this JVM creates. A pod template carrying it (in a {@link #kubePlay} manifest) lets
     * a later run remove the pod should this JVM be killed before its clean-up.
     */
    public Map.Entry<String, String> ownerLabel() {
        return Map.entry(OWNER_LABEL, Long.toString(ProcessHandle.current().pid()));
    }

    /** A name no other run uses: {@code role-<pid>-<random>-<n>}, valid as a DNS name on a podman network. */
    public synchronized String uniqueName(String role) {
        return role + "-" + runId + "-" + (++sequence);
    }

    public String createNetwork() {
        String name = uniqueName("net");
        run("network", "create", "--label", OWNER_LABEL + "=" + ProcessHandle.current().pid(), name);
        synchronized (this) {
            networks.add(name);
        }
        return name;
    }

    /** Starts a container in the background; its name, unique to this run, is also its host name on the network. */
    public String run(ContainerSpec spec) {
        String name = uniqueName(spec.role());
        List<String> command = new ArrayList<>(List.of("run", "--detach", "--name", name,
                "--label", OWNER_LABEL + "=" + ProcessHandle.current().pid()));
        command.addAll(spec.runOptions());
        synchronized (this) {
            containers.add(name);
        }
        run(command.toArray(String[]::new));
        return name;
    }

    /** Runs a container to its end, as a Kubernetes Job or a compose one-off service does; returns its exit code. */
    public int runToCompletion(ContainerSpec spec, Duration timeout) {
        String name = run(spec);
        return awaitExit(name, timeout);
    }

    /** Writes the image's file system as a tar file, as a container of it would see it before it starts. */
    public void exportFileSystem(String image, Path tarFile) {
        String name = uniqueName("export");
        synchronized (this) {
            containers.add(name);
        }
        run("create", "--name", name, "--label", OWNER_LABEL + "=" + ProcessHandle.current().pid(), image);
        run("export", "--output", tarFile.toString(), name);
    }

    /** The loopback port that a published container port was given. */
    public int hostPort(String container, int containerPort) {
        String mapping = run("port", container, Integer.toString(containerPort)).strip();
        return Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1).lines().findFirst().orElseThrow());
    }

    /** {@code podman inspect --format}, e.g. {@code {{.State.Pid}}}, for a container, image or network. */
    public String inspect(String target, String goTemplate) {
        return run("inspect", "--format", goTemplate, target).strip();
    }

    public String imageInspect(String image, String goTemplate) {
        return run("image", "inspect", "--format", goTemplate, image).strip();
    }

    /** The container's main process as the host sees it, e.g. to read its /proc status. */
    public long pid(String container) {
        return Long.parseLong(inspect(container, "{{.State.Pid}}"));
    }

    public boolean isRunning(String container) {
        return Boolean.parseBoolean(inspect(container, "{{.State.Running}}"));
    }

    /** What the container wrote to stdout and stderr, interleaved. */
    public String logs(String container) {
        return command(COMMAND_TIMEOUT, true, "logs", container);
    }

    /** Sends a signal to the container's main process, as an orchestrator does ({@code TERM}, {@code KILL}). */
    public void signal(String container, String signal) {
        run("kill", "--signal", signal, container);
    }

    /** Waits for the container to stop by itself and returns its exit code; fails after {@code timeout}. */
    public int awaitExit(String container, Duration timeout) {
        return Integer.parseInt(command(timeout, "wait", container).strip());
    }

    public void startAgain(String container) {
        run("start", container);
    }

    /**
     * {@code podman kube play} of a manifest (Deployments, Pods, ConfigMaps, Services as podman supports them) on a
     * network of this run; {@link #close()} takes it down again. Names in the manifest are the caller's: make them
     * unique ({@link #uniqueName}) when runs may overlap.
     *
     * @return the ids of the containers it started (not the pods' infra containers)
     */
    public List<String> kubePlay(Path manifest, String network) {
        synchronized (this) {
            kubeManifests.add(manifest);
        }
        List<String> started = new ArrayList<>();
        boolean containerSection = false;
        for (String line : run("kube", "play", "--network", network, manifest.toString()).lines().toList()) {
            if (line.endsWith(":")) {
                containerSection = line.startsWith("Container");
            } else if (containerSection && line.strip().matches("[0-9a-f]{64}")) {
                started.add(line.strip());
            }
        }
        return started;
    }

    /**
     * {@link #kubePlay(Path, String)} with the pod also answering to {@code alias} on the network, as a Kubernetes
     * Service's name does (podman has no Services; a pod otherwise resolves only as {@code <deployment>-pod-0}).
     */
    public List<String> kubePlay(Path manifest, String network, String alias) {
        return kubePlay(manifest, network + ":alias=" + alias);
    }

    /** Any podman command, for what the methods above do not cover; fails unless it exits 0. */
    public String run(String... arguments) {
        return command(COMMAND_TIMEOUT, arguments);
    }

    /** {@link #run(String...)} for commands that may take longer than two minutes, such as an image build. */
    public String run(Duration timeout, String... arguments) {
        return command(timeout, arguments);
    }

    /** Writes every container's log to the log directory and removes what this run created. Safe to call twice. */
    @Override
    public void close() {
        removeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run; nothing left to unregister
        }
    }

    private synchronized void removeAll() {
        for (Path manifest : kubeManifests) {
            quietly("kube", "down", manifest.toString());
        }
        kubeManifests.clear();
        for (String container : containers) {
            saveLog(container);
            quietly("rm", "--force", "--time", "0", container);
        }
        containers.clear();
        for (String network : networks) {
            quietly("network", "rm", "--force", network);
        }
        networks.clear();
    }

    private void saveLog(String container) {
        try {
            Files.createDirectories(logDirectory);
            Files.writeString(logDirectory.resolve(container + ".log"), logs(container));
        } catch (IOException | RuntimeException e) {
            // a container that never started has no log; removing it matters more
        }
    }

    /** Resources labelled by a process that no longer exists: a killed test JVM never ran its cleanup. */
    private void removeLeftoversOfDeadRuns() {
        // pods first: their infra containers carry no label, and podman removes a pod's containers with it
        String podFormat = "{{.Name}} {{index .Labels \"" + OWNER_LABEL + "\"}}";
        for (String line : quietly("pod", "ls", "--filter", "label=" + OWNER_LABEL, "--format", podFormat).lines()
                .toList()) {
            String[] fields = line.strip().split(" ");
            if (fields.length == 2 && isDead(fields[1])) {
                quietly("pod", "rm", "--force", "--time", "0", fields[0]);
            }
        }
        String format = "{{.Names}} {{index .Labels \"" + OWNER_LABEL + "\"}}";
        for (String line : quietly("ps", "--all", "--filter", "label=" + OWNER_LABEL, "--format", format).lines()
                .toList()) {
            String[] fields = line.strip().split(" ");
            if (fields.length == 2 && isDead(fields[1])) {
                quietly("rm", "--force", "--time", "0", fields[0]);
            }
        }
        // podman 4.3's `network ls` prints labels as text (its template cannot index them); `network inspect` can
        for (String network : quietly("network", "ls", "--filter", "label=" + OWNER_LABEL, "--format", "{{.Name}}")
                .lines().map(String::strip).filter(name -> !name.isEmpty()).toList()) {
            String owner = quietly("network", "inspect", "--format", "{{index .Labels \"" + OWNER_LABEL + "\"}}",
                    network).strip();
            if (isDead(owner)) {
                quietly("network", "rm", "--force", network);
            }
        }
    }

    private static boolean isDead(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(process -> !process.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String quietly(String... arguments) {
        try {
            return command(COMMAND_TIMEOUT, arguments);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private String command(Duration timeout, String... arguments) {
        return command(timeout, false, arguments);
    }

    private String command(Duration timeout, boolean withErrors, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("podman");
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        containersConf.ifPresent(conf -> builder.environment().put("CONTAINERS_CONF", conf));
        builder.redirectErrorStream(withErrors);
        try {
            Path output = Files.createTempFile("podman", ".out");
            Path errors = Files.createTempFile("podman", ".err");
            try {
                builder.redirectOutput(output.toFile());
                if (!withErrors) {
                    builder.redirectError(errors.toFile());
                }
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not end within " + timeout);
                }
                String stdout = Files.readString(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                            + ": " + Files.readString(errors, StandardCharsets.UTF_8).strip());
                }
                return stdout;
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
