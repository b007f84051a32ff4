package dev.orderflow.chart;

import static org.assertj.core.api.Assertions.fail;

import dev.orderflow.testsupport.containers.ImageBuild;
import dev.orderflow.testsupport.containers.Podman;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** podman and the images the chart names, built from the jars this Maven build made. */
final class ChartImages {

    static final Path REPOSITORY = Path.of(System.getProperty("orderflow.repository", "..")).toAbsolutePath()
            .normalize();
    static final Path LOGS = Path.of(System.getProperty("orderflow.container-logs", "target/container-logs"));
    /** Where the helm test Pod's rendered command runs here, instead of the pinned public curl image. */
    static final String HELM_TEST_IMAGE = "localhost/orderflow-chart-test-curl:local";

    private static final Path HELM_TEST_IMAGE_CONTEXT = Path.of("src", "test", "helm-test-image");
    /** build-images.sh makes this base with debootstrap when no registry provides the pinned one. */
    private static final String DEBOOTSTRAP_BASE = "localhost/orderflow-debian-base:bookworm";
    private static final Duration HELM_TEST_IMAGE_BUILD = Duration.ofMinutes(10);

    private ChartImages() {
    }

    /**
     * Skips the calling test class, with the reason, where podman is missing; in CI, where .ci/setup installs it,
     * fails instead, so that the chart's run can never be skipped there unnoticed. Then builds the images.
     */
    static Podman podmanWithImages() {
        Optional<String> unavailable = Podman.unavailableReason();
        if (unavailable.isPresent() && "true".equals(System.getenv("CI"))) {
            fail("the chart cannot be run in CI: " + unavailable.get());
        }
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "chart run skipped: " + unavailable.orElseThrow());
        Duration took = ImageBuild.buildOnce(REPOSITORY, LOGS);
        System.out.printf("build-images.sh built the images in %d s%n", took.toSeconds());
        Podman podman = Podman.start(REPOSITORY, LOGS);
        buildHelmTestImage(podman);
        return podman;
    }

    /** From the Debian base the services' runtime was built from, with Debian's curl (apt needs the network). */
    private static void buildHelmTestImage(Podman podman) {
        String pinned = pinnedDebianBase();
        String base = exists(podman, pinned) ? pinned : DEBOOTSTRAP_BASE;
        podman.run(HELM_TEST_IMAGE_BUILD, "build", "--quiet", "--network", "host",
                "--build-arg", "DEBIAN_IMAGE=" + base, "--tag", HELM_TEST_IMAGE,
                HELM_TEST_IMAGE_CONTEXT.toAbsolutePath().toString());
    }

    private static boolean exists(Podman podman, String image) {
        try {
            podman.run("image", "exists", image);
            return true;
        } catch (IllegalStateException absent) {
            return false;
        }
    }

    /** The digest-pinned base of containers/jre/Dockerfile, as build-images.sh reads it. */
    private static String pinnedDebianBase() {
        try {
            return Files.readAllLines(REPOSITORY.resolve("containers/jre/Dockerfile")).stream()
                    .filter(line -> line.startsWith("ARG DEBIAN_IMAGE=")).map(line -> line.substring(17))
                    .findFirst().orElseThrow(() -> new AssertionError("no ARG DEBIAN_IMAGE in containers/jre"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
