package dev.orderflow.testsupport.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The three orderflow images, built with podman by {@code build-images.sh --no-maven} from the jars the same Maven
 * build made, at most once per JVM. A second test module in the same build runs the script again and finds every
 * layer in podman's cache.
 */
public final class ImageBuild {

    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private static boolean built;

    private ImageBuild() {
    }

    /**
     * @param repository the repository's root, holding build-images.sh
     * @param logDirectory where the script's output goes ({@code build-images.log})
     * @return how long the build took, zero when an earlier call of this JVM built the images
     */
    public static synchronized Duration buildOnce(Path repository, Path logDirectory) {
        if (built) {
            return Duration.ZERO;
        }
        Path log = logDirectory.resolve("build-images.log");
        try {
            Files.createDirectories(logDirectory);
            ProcessBuilder builder = new ProcessBuilder(repository.resolve("build-images.sh").toString(), "--no-maven")
                    .directory(repository.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("CONTAINER_ENGINE", "podman");
            Instant started = Instant.now();
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("build-images.sh took longer than " + TIMEOUT + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("build-images.sh exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            built = true;
            return Duration.between(started, Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
