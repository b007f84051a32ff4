package dev.orderflow.testsupport;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * DynamoDB Local, the AWS engine published on Maven Central, running inside this JVM on a port of its own.
 * Tests and the local run talk to it over HTTP with the real SDK, exactly as the services talk to DynamoDB.
 */
public final class DynamoDbLocal implements AutoCloseable {

    private static final String NATIVE_ARTIFACT = "libsqlite4java-linux-amd64";

    private final int port;
    private final Path dataDirectory;
    private DynamoDBProxyServer server;

    private DynamoDbLocal(int port, Path dataDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /** In memory, on a free port: each test class gets an empty database of its own. */
    public static DynamoDbLocal start() {
        return start(FreePorts.next());
    }

    /** In memory, on a chosen port. */
    public static DynamoDbLocal start(int port) {
        return new DynamoDbLocal(port, null).startServer();
    }

    /** Kept in {@code dataDirectory}, so that a {@link #restart()} finds the data it had. */
    public static DynamoDbLocal startPersistent(int port, Path dataDirectory) {
        return new DynamoDbLocal(port, dataDirectory).startServer();
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + port);
    }

    public int port() {
        return port;
    }

    /** Stops and starts again on the same port, like a database restart seen by its clients. */
    public DynamoDbLocal restart() {
        stop();
        return startServer();
    }

    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop DynamoDB Local", e);
            }
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized DynamoDbLocal startServer() {
        System.setProperty("sqlite4java.library.path", NativeLibrary.directory().toString());
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb"));
        if (dataDirectory == null) {
            args.add("-inMemory");
        } else {
            args.addAll(List.of("-dbPath", dataDirectory.toString()));
        }
        try {
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
            }
            server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start DynamoDB Local on port " + port, e);
        }
        return this;
    }

    /**
     * DynamoDB Local stores data through sqlite4java, whose native library Maven delivers as a plain file
     * (type {@code so}) next to the jars. It is copied once into a directory of its own, under the name
     * sqlite4java looks for.
     */
    static final class NativeLibrary {

        private static Path directory;

        private NativeLibrary() {
        }

        static synchronized Path directory() {
            if (directory == null) {
                Path library = fromClassPath().or(NativeLibrary::fromLocalRepository).orElseThrow(() ->
                        new IllegalStateException(NATIVE_ARTIFACT + " (a dependency of DynamoDBLocal) was not found"
                                + " on the class path nor in the local Maven repository"));
                try {
                    Path target = Files.createTempDirectory("sqlite4java");
                    Files.copy(library, target.resolve(NATIVE_ARTIFACT + ".so"), StandardCopyOption.REPLACE_EXISTING);
                    target.toFile().deleteOnExit();
                    directory = target;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return directory;
        }

        private static Optional<Path> fromClassPath() {
            return Stream.of(System.getProperty("java.class.path", "").split(File.pathSeparator))
                    .filter(entry -> entry.contains(NATIVE_ARTIFACT) && entry.endsWith(".so"))
                    .map(Path::of)
                    .filter(Files::isRegularFile)
                    .findFirst();
        }

        private static Optional<Path> fromLocalRepository() {
            Path versions = Path.of(System.getProperty("maven.repo.local",
                    System.getProperty("user.home") + "/.m2/repository"))
                    .resolve("com/almworks/sqlite4java/" + NATIVE_ARTIFACT);
            if (!Files.isDirectory(versions)) {
                return Optional.empty();
            }
            try (Stream<Path> files = Files.walk(versions)) {
                return files.filter(file -> file.toString().endsWith(".so")).sorted().reduce((a, b) -> b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
