package dev.orderflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DynamoDB Local stores its tables through sqlite4java, whose native library Maven delivers as a bare file (type
 * {@code so}) beside the sqlite4java jar, not inside any jar. It is looked up from where that jar was loaded, which
 * works however the class path was built: surefire's manifest-only jar, {@code exec:java}'s class loader, a
 * {@code java -cp} of a lib directory, a local repository other than {@code ~/.m2}. It is then copied into a
 * directory of its own under the name sqlite4java loads.
 */
final class SqliteNativeLibrary {

    /** The only native artifact of DynamoDB Local's that this project has run; others fail with a clear message. */
    private static final String ARTIFACT = "libsqlite4java-linux-amd64";
    private static final String EXTENSION = ".so";
    private static final String JAVA_ARTIFACT = "sqlite4java";

    private static Path directory;

    private SqliteNativeLibrary() {
    }

    static synchronized Path directory() {
        if (directory == null) {
            requireSupportedPlatform();
            directory = copyToOwnDirectory(locateBeside(sqlite4javaJar()));
        }
        return directory;
    }

    private static void requireSupportedPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("DynamoDB Local is set up here for linux/amd64 only, not " + os + "/"
                    + arch + ": add the matching sqlite4java native artifact to " + SqliteNativeLibrary.class);
        }
    }

    static Path locateBeside(Path jar) {
        String jarName = jar.getFileName().toString();
        // "-1.0.392" in a Maven repository or a copied lib directory, "" when copied with versions stripped
        String versionSuffix = jarName.substring(JAVA_ARTIFACT.length(), jarName.length() - ".jar".length());
        String fileName = ARTIFACT + versionSuffix + EXTENSION;
        List<Path> candidates = new ArrayList<>(List.of(jar.resolveSibling(fileName)));
        if (!versionSuffix.isEmpty() && jar.getNameCount() >= 4) {
            Path groupDirectory = jar.getParent().getParent().getParent();
            candidates.add(groupDirectory.resolve(ARTIFACT).resolve(jar.getParent().getFileName()).resolve(fileName));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
                new IllegalStateException(ARTIFACT + " (a runtime dependency of DynamoDBLocal) is not beside " + jar
                        + "; looked for " + candidates));
    }

    /** By name: DynamoDBLocal needs sqlite4java at run time only, so it is not on this module's compile path. */
    private static Path sqlite4javaJar() {
        try {
            Class<?> sqlite = Class.forName("com.almworks.sqlite4java.SQLite", false,
                    SqliteNativeLibrary.class.getClassLoader());
            return Path.of(sqlite.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where the sqlite4java jar was loaded from", e);
        }
    }

    private static Path copyToOwnDirectory(Path library) {
        try {
            Path target = Files.createTempDirectory("sqlite4java");
            Path copy = Files.copy(library, target.resolve(ARTIFACT + EXTENSION), StandardCopyOption.REPLACE_EXISTING);
            // registered directory first: deleteOnExit runs in reverse order, and only an empty directory goes
            target.toFile().deleteOnExit();
            copy.toFile().deleteOnExit();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
