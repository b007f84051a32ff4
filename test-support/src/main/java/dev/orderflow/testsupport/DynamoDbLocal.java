package dev.orderflow.testsupport;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB Local, the AWS engine published on Maven Central, running inside this JVM on a port of its own.
 * Tests and the local run talk to it over HTTP with the real SDK, exactly as the services talk to DynamoDB.
 */
public final class DynamoDbLocal implements AutoCloseable {

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

    /**
     * Stops and starts again on the same port, as clients see a database restart. A persistent server comes back
     * with its data; an in-memory one comes back empty.
     */
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
        System.setProperty("sqlite4java.library.path", SqliteNativeLibrary.directory().toString());
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
}
