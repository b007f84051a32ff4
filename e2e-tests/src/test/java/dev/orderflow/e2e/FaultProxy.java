package dev.orderflow.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy in front of a service that breaks the connection on demand: it forwards, delays every chunk,
 * answers every request with a 500, or resets every connection. The services see a real network fault.
 */
final class FaultProxy implements AutoCloseable {

    enum Mode { PASS, SLOW, ERROR_500, RESET }

    private final ServerSocket server;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.PASS;
    private volatile Duration delay = Duration.ZERO;

    FaultProxy(int listenPort, int targetPort) {
        this.targetPort = targetPort;
        try {
            server = new ServerSocket(listenPort, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::accept);
    }

    void pass() {
        mode = Mode.PASS;
    }

    void slow(Duration perChunk) {
        delay = perChunk;
        mode = Mode.SLOW;
    }

    /** Also drops the connections already open, which clients keep alive and would otherwise go on using. */
    void failWith500() {
        mode = Mode.ERROR_500;
        dropOpenConnections();
    }

    void reset() {
        mode = Mode.RESET;
        dropOpenConnections();
    }

    private void dropOpenConnections() {
        for (Socket socket : open) {
            try {
                socket.setSoLinger(true, 0);
            } catch (IOException ignored) {
                // closing it is all that matters
            }
            close(socket);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> handle(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try {
            switch (mode) {
                case RESET -> {
                    client.setSoLinger(true, 0);
                    client.close();
                }
                case ERROR_500 -> answer500(client);
                default -> forward(client);
            }
        } catch (IOException e) {
            close(client);
        }
    }

    private static void answer500(Socket client) throws IOException {
        try (client) {
            client.getInputStream().read(new byte[8192]);
            client.getOutputStream().write(("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\nConnection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void forward(Socket client) throws IOException {
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(upstream);
        threads.execute(() -> pump(client, upstream));
        threads.execute(() -> pump(upstream, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (mode == Mode.SLOW) {
                    Thread.sleep(delay.toMillis());
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away: the other is closed below
        } finally {
            open.remove(from);
            open.remove(to);
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        close(server);
        threads.shutdownNow();
    }

    private static void close(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
