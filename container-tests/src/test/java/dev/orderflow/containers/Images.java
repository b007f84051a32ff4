package dev.orderflow.containers;

import static org.assertj.core.api.Assertions.fail;

import dev.orderflow.testsupport.containers.Podman;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The three images, built once per test JVM by build-images.sh from the jars this Maven build made. */
final class Images {

    static final String GATEWAY = "orderflow-gateway:dev";
    static final String PROCESSOR = "orderflow-processor:dev";
    static final String DYNAMODB_LOCAL = "orderflow-dynamodb-local:dev";
    static final List<String> ALL = List.of(GATEWAY, PROCESSOR, DYNAMODB_LOCAL);
    static final int UID = 10001;

    static final Path REPOSITORY = Path.of(System.getProperty("orderflow.repository", "..")).toAbsolutePath()
            .normalize();
    static final Path LOGS = Path.of(System.getProperty("orderflow.container-logs", "target/container-logs"));
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);

    private static boolean built;

    private Images() {
    }

    /**
     * Skips the calling test class, with the reason, where podman is missing; in CI, where .ci/setup installs it,
     * fails instead, so that the container tests can never be skipped there unnoticed.
     */
    static Podman podman() {
        Optional<String> unavailable = Podman.unavailableReason();
        if (unavailable.isPresent() && "true".equals(System.getenv("CI"))) {
            fail("container tests cannot run in CI: " + unavailable.get());
        }
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "container tests skipped: " + unavailable.orElseThrow());
        build();
        return Podman.start(REPOSITORY, LOGS);
    }

    private static synchronized void build() {
        if (built) {
            return;
        }
        Path log = LOGS.resolve("build-images.log");
        try {
            Files.createDirectories(LOGS);
            ProcessBuilder builder = new ProcessBuilder(REPOSITORY.resolve("build-images.sh").toString(), "--no-maven")
                    .directory(REPOSITORY.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("CONTAINER_ENGINE", "podman");
            Instant started = Instant.now();
            Process process = builder.start();
            if (!process.waitFor(BUILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail("build-images.sh took longer than " + BUILD_TIMEOUT + "; see " + log);
            }
            if (process.exitValue() != 0) {
                fail("build-images.sh exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            System.out.printf("build-images.sh built the images in %d s%n",
                    Duration.between(started, Instant.now()).toSeconds());
            built = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
