package dev.orderflow.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the files under test live in the repository. */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("orderflow.root", "..")).toAbsolutePath().normalize();
    static final Path OBSERVABILITY = ROOT.resolve("observability");
    static final Path DASHBOARDS = OBSERVABILITY.resolve("dashboards");
    static final Path RULES = OBSERVABILITY.resolve("prometheus-rules");
    static final Path RULE_TESTS = OBSERVABILITY.resolve("rules-tests");
    static final Path KUBE_PROMETHEUS_STACK_VALUES = OBSERVABILITY.resolve("kube-prometheus-stack-values.yaml");
    static final Path CHART = ROOT.resolve("infrastructure/helm/orderflow");
    static final Path RUNBOOKS = ROOT.resolve("docs/runbooks");

    private Repository() {
    }

    /** The files of a directory whose names end with {@code suffix}, sorted by name. */
    static List<Path> files(Path directory, String suffix) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
