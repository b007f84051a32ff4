package dev.orderflow.containers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A POST whose body arrives in two parts: after the first, the server has the request and is waiting for the rest,
 * so the request is in flight for as long as the test wants, on any machine, with no timing guess.
 */
final class SlowRequest implements AutoCloseable {

    private final Socket socket;
    private final byte[] rest;

    private SlowRequest(Socket socket, byte[] rest) {
        this.socket = socket;
        this.rest = rest;
    }

    static SlowRequest begin(int port, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        int half = body.length / 2;
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, half);
            out.flush();
            byte[] rest = new byte[body.length - half];
            System.arraycopy(body, half, rest, 0, rest.length);
            return new SlowRequest(socket, rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the rest of the body and reads the whole answer (the server closes the connection after it). */
    Http.Response finish() {
        try {
            socket.getOutputStream().write(rest);
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (answer.isEmpty()) {
                return new Http.Response(-1, "connection closed without an answer");
            }
            int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
            int bodyStart = answer.indexOf("\r\n\r\n");
            return new Http.Response(status, bodyStart < 0 ? "" : answer.substring(bodyStart + 4));
        } catch (IOException e) {
            return new Http.Response(-1, "connection failed: " + e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
