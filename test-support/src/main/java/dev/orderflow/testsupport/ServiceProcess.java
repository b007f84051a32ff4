package dev.orderflow.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One service jar running as a separate JVM, as it runs in production: configured by environment variables
 * only, ready when its actuator readiness probe says so. Used by the end-to-end tests and the local run.
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * Sized for two services on a 1 GiB host; the same flags the container images use (a test holds them equal).
     * Why each: docs/adr/0014-jvm-flags.md.
     */
    public static final List<String> JVM_FLAGS = List.of(
            "-Xmx128m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=48m",
            "-Dio.netty.allocator.numDirectArenas=1", "-Dio.netty.allocator.numHeapArenas=1");

    /**
     * Services still running when the JVM exits without closing them (a test run stopped by Ctrl-C or by a fork
     * timeout) are killed, so they do not hold their ports for the next run. A JVM killed outright runs no hook.
     */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "service-process-reaper"));
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Path jar;
    private final Map<String, String> environment;
    private final Path log;
    private final int managementPort;
    private Process process;
    private Duration lastStartup;
    private List<String> extraJvmFlags = List.of();

    public ServiceProcess(String name, Path jar, Map<String, String> environment, Path logDir, int managementPort) {
        this.name = name;
        this.jar = jar;
        this.environment = new LinkedHashMap<>(environment);
        this.log = logDir.resolve(name + ".log");
        this.managementPort = managementPort;
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Flags after {@link #JVM_FLAGS}, which they override: for profiling and for trying other settings. */
    public ServiceProcess withExtraJvmFlags(List<String> flags) {
        this.extraJvmFlags = List.copyOf(flags);
        return this;
    }

    /** Starts the JVM and waits until it reports ready. A restart appends to the same log. */
    public ServiceProcess start(Duration timeout) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(extraJvmFlags);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Instant started = Instant.now();
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
            RUNNING.add(process);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
        awaitReady(timeout);
        lastStartup = Duration.between(started, Instant.now());
        return this;
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        URI readiness = URI.create("http://localhost:" + managementPort + "/actuator/health/readiness");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (status(readiness) == 200) {
                return;
            }
            sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    private static int status(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Like a crash or an OOM kill: no shutdown hooks, no graceful drain. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    /** SIGTERM, as an orchestrator stops a task: in-flight requests are drained. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            process.waitFor();
            RUNNING.remove(process);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long pid() {
        return process.pid();
    }

    public Duration lastStartup() {
        return lastStartup;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        stop();
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
