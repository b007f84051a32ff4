package dev.orderflow.containers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A POST held in flight for as long as the test wants, on any machine, with no timing guess: it announces its body
 * with {@code Expect: 100-continue} and sends it only later. The server's "100 Continue" is its word that it has taken
 * the request and is waiting for the body; until then, bytes in a socket buffer are not a request to it yet.
 */
final class SlowRequest implements AutoCloseable {

    private static final String CONTINUE = "HTTP/1.1 100 Continue";

    private final Socket socket;
    private final byte[] body;

    private SlowRequest(Socket socket, byte[] body) {
        this.socket = socket;
        this.body = body;
    }

    /** Sends the request's head and returns once the server has answered 100 Continue. */
    static SlowRequest begin(int port, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String interim = readHead(socket.getInputStream());
            if (!interim.startsWith(CONTINUE)) {
                throw new IllegalStateException("expected " + CONTINUE + ", got: " + interim);
            }
            return new SlowRequest(socket, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the body and reads the whole answer (the server closes the connection after it). */
    Http.Response finish() {
        try {
            socket.getOutputStream().write(body);
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

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        return head.toString();
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
