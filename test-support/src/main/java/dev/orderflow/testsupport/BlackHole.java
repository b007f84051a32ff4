package dev.orderflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * An address that takes no connection, as a black-holed address or a dead node does: a loopback socket that listens
 * but never accepts, with its accept queue filled, so that the kernel drops every further SYN and a connect can only
 * time out. (A port nobody listens on refuses at once instead.)
 */
public final class BlackHole implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> queued = new ArrayList<>();

    private BlackHole(ServerSocket server) {
        this.server = server;
    }

    public static BlackHole open() {
        try {
            BlackHole hole = new BlackHole(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            hole.fillAcceptQueue();
            return hole;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connects without accepting until a connect no longer completes: the queue is then full. */
    private void fillAcceptQueue() throws IOException {
        while (queued.size() < 64) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 200);
                queued.add(socket);
            } catch (SocketTimeoutException full) {
                socket.close();
                return;
            }
        }
        close();
        throw new IllegalStateException("the accept queue never filled: no black hole to test against");
    }

    @Override
    public void close() {
        try {
            for (Socket socket : queued) {
                socket.close();
            }
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
