package dev.orderflow.containers;

import static org.assertj.core.api.Assertions.fail;

import dev.orderflow.testsupport.containers.ImageBuild;
import dev.orderflow.testsupport.containers.Podman;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

    private static void build() {
        Duration took = ImageBuild.buildOnce(REPOSITORY, LOGS);
        if (!took.isZero()) {
            System.out.printf("build-images.sh built the images in %d s%n", took.toSeconds());
        }
    }
}
