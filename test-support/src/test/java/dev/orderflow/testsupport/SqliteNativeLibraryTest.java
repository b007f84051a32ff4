package dev.orderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteNativeLibraryTest {

    @TempDir
    Path root;

    @Test
    void givenAMavenRepository_whenLocating_thenTheNativeArtifactOfTheSameVersionIsFound() throws IOException {
        Path group = root.resolve("com/almworks/sqlite4java");
        Path jar = file(group.resolve("sqlite4java/1.0.392/sqlite4java-1.0.392.jar"));
        file(group.resolve("libsqlite4java-linux-amd64/1.0.391/libsqlite4java-linux-amd64-1.0.391.so"));
        Path library = file(group.resolve("libsqlite4java-linux-amd64/1.0.392/libsqlite4java-linux-amd64-1.0.392.so"));

        assertThat(SqliteNativeLibrary.locateBeside(jar)).isEqualTo(library);
    }

    @Test
    void givenAFlatLibDirectory_whenLocating_thenTheFileBesideTheJarIsFound() throws IOException {
        Path jar = file(root.resolve("lib/sqlite4java-1.0.392.jar"));
        Path library = file(root.resolve("lib/libsqlite4java-linux-amd64-1.0.392.so"));

        assertThat(SqliteNativeLibrary.locateBeside(jar)).isEqualTo(library);
    }

    @Test
    void givenVersionsStrippedFromFileNames_whenLocating_thenTheFileBesideTheJarIsFound() throws IOException {
        Path jar = file(root.resolve("sqlite4java.jar"));
        Path library = file(root.resolve("libsqlite4java-linux-amd64.so"));

        assertThat(SqliteNativeLibrary.locateBeside(jar)).isEqualTo(library);
    }

    @Test
    void givenNoNativeLibrary_whenLocating_thenTheErrorSaysWhereItLooked() throws IOException {
        Path jar = file(root.resolve("lib/sqlite4java-1.0.392.jar"));

        assertThatThrownBy(() -> SqliteNativeLibrary.locateBeside(jar))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(root.resolve("lib/libsqlite4java-linux-amd64-1.0.392.so").toString());
    }

    private static Path file(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        return Files.createFile(path);
    }
}
