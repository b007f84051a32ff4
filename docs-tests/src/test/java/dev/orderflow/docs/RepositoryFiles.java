package dev.orderflow.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The files of a repository as git sees them (tracked, plus new files not ignored), or, where git cannot answer, every
 * file outside build output. Paths are relative to the root, with forward slashes.
 */
final class RepositoryFiles {

    static final Path ROOT = Path.of(System.getProperty("orderflow.root", "..")).toAbsolutePath().normalize();

    private static final Set<String> NEVER = Set.of(".git", "target", "node_modules", ".local-run");

    private final Path root;
    private final List<String> files;
    private final Set<String> entries;

    private RepositoryFiles(Path root, List<String> files) {
        this.root = root;
        this.files = files;
        this.entries = new TreeSet<>(files);
        for (String file : files) {
            for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
                entries.add(file.substring(0, slash));
            }
        }
    }

    static RepositoryFiles of(Path root) {
        List<String> listed = gitFiles(root);
        return new RepositoryFiles(root, listed != null ? listed : walk(root));
    }

    Path root() {
        return root;
    }

    List<String> files() {
        return files;
    }

    /** Files and the directories that hold them. */
    Set<String> entries() {
        return entries;
    }

    String read(String file) {
        try {
            return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<String> gitFiles(Path root) {
        if (!Files.exists(root.resolve(".git"))) {
            return null;
        }
        try {
            Process git = new ProcessBuilder("git", "ls-files", "--cached", "--others", "--exclude-standard", "-z")
                    .directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(1, TimeUnit.MINUTES) || git.exitValue() != 0) {
                return null;
            }
            // A file deleted in the work tree but not yet in the index is listed by git and is not there.
            return Stream.of(out.split("\0")).filter(file -> !file.isEmpty())
                    .filter(file -> Files.exists(root.resolve(file))).sorted().toList();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> walk(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .map(path -> root.relativize(path).toString().replace('\\', '/'))
                    .filter(file -> Stream.of(file.split("/")).noneMatch(NEVER::contains))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
