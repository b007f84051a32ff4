package dev.orderflow.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.containers.ContainerSpec;
import dev.orderflow.testsupport.containers.Podman;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the images are, looked at from outside: their files, user, labels and the CDS archive they map. */
class ImagesIT {

    private static final String JRE = "usr/lib/jvm/java-17-openjdk-amd64/";
    /** Shells, package managers, download tools and the JDK's tools: nothing a service needs, all an intruder uses. */
    private static final Set<String> FORBIDDEN = Set.of("sh", "bash", "dash", "busybox", "apt", "apt-get", "dpkg",
            "curl", "wget", "javac", "jar", "jcmd", "jshell", "jdb", "jstack", "jmap", "keytool", "jlink");
    private static final List<String> IMAGES = Images.ALL;

    private static Podman podman;

    @BeforeAll
    static void build() {
        podman = Images.podman();
    }

    @AfterAll
    static void removeContainers() {
        if (podman != null) {
            podman.close();
        }
    }

    @ParameterizedTest
    @FieldSource("IMAGES")
    void runsAsTheFixedNonRootUser(String image) {
        assertThat(podman.imageInspect(image, "{{.Config.User}}")).isEqualTo(Images.UID + ":" + Images.UID);
    }

    @ParameterizedTest
    @FieldSource("IMAGES")
    void holdsNoShellPackageManagerOrJdkTool(String image) {
        List<String> files = files(image);

        assertThat(files).contains(JRE + "bin/java", "etc/passwd", "tmp/");
        assertThat(files).filteredOn(path -> path.startsWith(JRE + "bin/") && !path.endsWith("/")).containsExactly(JRE + "bin/java");
        assertThat(files).filteredOn(path -> !path.endsWith("/"))
                .filteredOn(path -> FORBIDDEN.contains(Path.of(path).getFileName().toString())).isEmpty();
        assertThat(files).noneMatch(path -> path.startsWith("bin/") || path.startsWith("usr/bin/")
                || path.startsWith("sbin/") || path.startsWith("usr/sbin/"));
    }

    @ParameterizedTest
    @FieldSource("IMAGES")
    void carriesOciLabelsForSourceRevisionAndVersion(String image) {
        String labels = "{{index .Labels \"org.opencontainers.image.%s\"}}";

        assertThat(podman.imageInspect(image, labels.formatted("revision"))).isEqualTo(gitHead());
        assertThat(podman.imageInspect(image, labels.formatted("version")))
                .isEqualTo(System.getProperty("orderflow.version"));
        assertThat(podman.imageInspect(image, labels.formatted("source"))).isNotBlank().isNotEqualTo("<no value>");
    }

    /**
     * The classes come from the archive trained at build time: the JVM logs where each class came from, and a
     * stale or unusable archive would send them all back to the jars, silently, as CDS falls back by design.
     */
    @ParameterizedTest
    @ValueSource(strings = {Images.GATEWAY, Images.PROCESSOR})
    void serviceMapsTheCdsArchiveTrainedAtBuildTime(String image) {
        String container = podman.run(ContainerSpec.of(image, "cds").hardened()
                .env("JDK_JAVA_OPTIONS", "-Xlog:class+load=info -Dspring.context.exit=onRefresh"));

        assertThat(podman.awaitExit(container, Duration.ofMinutes(2))).isZero();
        List<String> loaded = podman.logs(container).lines().filter(line -> line.contains("[class,load]")).toList();
        long fromArchive = loaded.stream().filter(line -> line.contains("source: shared objects file (top)")).count();
        assertThat(loaded).anyMatch(line -> line.contains(
                "org.springframework.boot.SpringApplication source: shared objects file (top)"));
        assertThat(fromArchive).as("classes from the application's archive, of %d", loaded.size())
                .isGreaterThan(loaded.size() * 3 / 4);
    }

    private static List<String> files(String image) {
        try {
            Path tar = Files.createTempFile("image", ".tar");
            try {
                podman.exportFileSystem(image, tar);
                List<String> files = new ArrayList<>();
                try (InputStream in = Files.newInputStream(tar);
                     TarArchiveInputStream archive = new TarArchiveInputStream(in)) {
                    for (TarArchiveEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
                        files.add(entry.getName().replaceFirst("^\\./", ""));
                    }
                }
                return files;
            } finally {
                Files.deleteIfExists(tar);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String gitHead() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(Images.REPOSITORY.toFile()).start();
            String head = new String(git.getInputStream().readAllBytes()).strip();
            return git.waitFor() == 0 ? head : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
