package dev.orderflow.observability;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code prometheus} package: the {@code prometheus} server and {@code promtool}, found on the PATH.
 * .ci/setup/30-prometheus.sh installs it in CI; where it is missing, the tests that need it skip and say why.
 */
final class PrometheusTools {

    private PrometheusTools() {
    }

    static Path promtool() {
        return require("promtool");
    }

    static Path prometheus() {
        return require("prometheus");
    }

    private static Path require(String tool) {
        Optional<Path> found = onPath(tool);
        String reason = tool + " is not on the PATH: install Debian's prometheus package "
                + "(apt-get install prometheus, as .ci/setup/30-prometheus.sh does)";
        // In CI .ci/setup installs it, so a missing tool there is a broken setup, not a reason to skip.
        if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail(reason);
        }
        assumeTrue(found.isPresent(), reason);
        return found.orElseThrow();
    }

    private static Optional<Path> onPath(String tool) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(directory, tool);
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    record Result(int exitCode, String output) {
    }

    /** Runs a tool to completion, its stderr merged into its output. */
    static Result run(Path workingDirectory, Duration timeout, Path tool, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        command.addAll(List.of(arguments));
        try {
            Path output = Files.createTempFile("promtool", ".out");
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            String text = Files.readString(output);
            Files.delete(output);
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
