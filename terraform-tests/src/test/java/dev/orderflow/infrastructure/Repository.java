package dev.orderflow.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository, and the deliberately broken fixtures that prove each check can fail. */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("orderflow.root", "..")).toAbsolutePath().normalize();
    static final Path TERRAFORM = ROOT.resolve("infrastructure/terraform");
    static final Path WORKFLOWS = ROOT.resolve(".github/workflows");

    private Repository() {
    }

    static Path fixture(String name) {
        try {
            return Path.of(Repository.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fixture " + name, e);
        }
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
