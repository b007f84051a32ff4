package dev.orderflow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The ECS container health check: the images hold no shell, curl or wget, so the check is a second JVM started from
 * the service's own class path. It asks the management port's liveness group and exits 0 on a 200 status line, 1 on
 * anything else (another status, a refused or timed-out connection). Plain JDK only, so the probe JVM loads a few
 * hundred classes and none of Spring (docs/aws.md gives its measured RSS and CPU time).
 */
public final class LivenessProbe {

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    private static final int READ_TIMEOUT_MILLIS = 3_000;

    private LivenessProbe() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -cp <service jar> dev.orderflow.LivenessProbe <management port>");
            System.exit(2);
        }
        System.exit(isLive(Integer.parseInt(args[0])) ? 0 : 1);
    }

    static boolean isLive(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write("GET /actuator/health/liveness HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return statusLine != null && statusLine.matches("HTTP/1\\.[01] 200( .*)?");
        } catch (IOException unreachableOrSlow) {
            System.err.println("liveness probe: " + unreachableOrSlow);
            return false;
        }
    }
}
