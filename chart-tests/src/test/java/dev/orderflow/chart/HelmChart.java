package dev.orderflow.chart;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The chart under test, rendered and linted by the real Helm engine (helm-java: Helm compiled as a native library).
 * helm-java's template prints the release's manifest without its hooks, so {@link #render()} renders a copy whose
 * test templates have their hook annotations taken out: everything the chart can create is then rendered and
 * validated. {@link #renderReleaseManifest()} renders the chart as it is.
 */
final class HelmChart {

    static final String RELEASE = "orderflow";
    static final String NAMESPACE = "orderflow";
    /** The Kubernetes version templates see; the same as the API models the manifests are validated with (pom). */
    static final String KUBERNETES_VERSION = "1.32.0";

    /** The hook annotations of the test templates, and the `annotations:` line that holds nothing else there. */
    private static final Pattern HOOK_ANNOTATION = Pattern.compile("\\s*(annotations:|helm\\.sh/hook[-a-z]*:.*)");

    private final Path directory;
    private final List<Path> valuesFiles = new ArrayList<>();
    private final Map<String, Object> sets = new LinkedHashMap<>();

    private HelmChart(Path directory) {
        this.directory = directory;
    }

    /** The chart of this repository, as `infrastructure/helm/orderflow`. */
    static HelmChart ofRepository() {
        return new HelmChart(repositoryChart());
    }

    static Path repositoryChart() {
        return Path.of(System.getProperty("orderflow.chart", "../infrastructure/helm/orderflow")).toAbsolutePath()
                .normalize();
    }

    /** A copy of the chart in {@code target}, for tests that add files to it (dashboards, rules). */
    static HelmChart copyOfRepositoryChart(Path target) {
        copyTree(repositoryChart(), target);
        return new HelmChart(target);
    }

    private static void copyTree(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path directory() {
        return directory;
    }

    /** One of the chart's own values files, e.g. {@code values-dev.yaml}. */
    HelmChart withValues(String chartValuesFile) {
        valuesFiles.add(directory.resolve(chartValuesFile));
        return this;
    }

    HelmChart set(String key, Object value) {
        sets.put(key, value);
        return this;
    }

    LintResult lintStrict() {
        return new Helm(directory).lint().strict().call();
    }

    /** The release's objects and its test hooks. */
    RenderedChart render() {
        return RenderedChart.parse(template(withHooksAsManifests()));
    }

    /** NOTES.txt as `helm install` would print it (a client-only dry run: no cluster is contacted). */
    String notes() {
        InstallCommand install = new Helm(directory).install().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBERNETES_VERSION).dryRun().withDryRunOption(DryRun.CLIENT).clientOnly();
        valuesFiles.forEach(install::withValuesFile);
        sets.forEach(install::set);
        String output = install.call().getOutput();
        return output.substring(output.indexOf("NOTES:"));
    }

    /** What `helm template` prints for the chart as it is: the release's objects, no hooks. */
    RenderedChart renderReleaseManifest() {
        return RenderedChart.parse(template(directory));
    }

    private String template(Path chart) {
        TemplateCommand template = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBERNETES_VERSION);
        valuesFiles.forEach(template::withValuesFile);
        sets.forEach(template::set);
        return template.call();
    }

    private Path withHooksAsManifests() {
        try {
            Path copy = Files.createTempDirectory(Files.createDirectories(Path.of("target", "charts")), "hooks");
            copyTree(directory, copy);
            try (Stream<Path> tests = Files.list(copy.resolve("templates").resolve("tests"))) {
                for (Path test : (Iterable<Path>) tests::iterator) {
                    Files.write(test, Files.readAllLines(test).stream()
                            .filter(line -> !HOOK_ANNOTATION.matcher(line).matches()).toList());
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message Helm fails with; an assertion error when it renders instead. */
    String renderFailure() {
        try {
            render();
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected Helm to refuse values " + sets + " with files " + valuesFiles);
    }
}
