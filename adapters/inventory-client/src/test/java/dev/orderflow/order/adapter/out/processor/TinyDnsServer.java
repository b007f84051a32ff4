package dev.orderflow.order.adapter.out.processor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DNS server on a random UDP port that answers every query with the same SRV records, speaking the real wire
 * format (RFC 1035, RFC 2782), so that the endpoint is tested through the JDK's own DNS client.
 */
final class TinyDnsServer implements AutoCloseable {

    record Srv(int priority, int weight, int port, String target) {
    }

    private static final int TYPE_SRV = 33;
    private static final int CLASS_IN = 1;

    private final DatagramSocket socket;
    private final Thread thread;
    private final AtomicInteger queries = new AtomicInteger();
    private volatile List<Srv> records;

    TinyDnsServer(List<Srv> records) {
        this.records = records;
        try {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::serve, "tiny-dns");
        thread.setDaemon(true);
        thread.start();
    }

    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    int queries() {
        return queries.get();
    }

    void answer(List<Srv> newRecords) {
        records = newRecords;
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                socket.receive(query);
                queries.incrementAndGet();
                byte[] response = respond(ByteBuffer.wrap(query.getData(), 0, query.getLength()));
                socket.send(new DatagramPacket(response, response.length, query.getSocketAddress()));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private byte[] respond(ByteBuffer query) {
        short id = query.getShort(0);
        int questionEnd = 12;
        while (query.get(questionEnd) != 0) {
            questionEnd += query.get(questionEnd) + 1;
        }
        questionEnd += 1 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Srv> answers = records;
        ByteBuffer header = ByteBuffer.allocate(12)
                .putShort(id).putShort((short) 0x8180).putShort((short) 1).putShort((short) answers.size())
                .putShort((short) 0).putShort((short) 0);
        out.writeBytes(header.array());
        out.write(query.array(), query.arrayOffset() + 12, questionEnd - 12);
        for (Srv srv : answers) {
            byte[] target = name(srv.target());
            ByteBuffer answer = ByteBuffer.allocate(2 + 2 + 2 + 4 + 2 + 6 + target.length)
                    .putShort((short) 0xC00C).putShort((short) TYPE_SRV).putShort((short) CLASS_IN).putInt(5)
                    .putShort((short) (6 + target.length))
                    .putShort((short) srv.priority()).putShort((short) srv.weight()).putShort((short) srv.port())
                    .put(target);
            out.writeBytes(answer.array());
        }
        return out.toByteArray();
    }

    private static byte[] name(String dotted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String label : dotted.split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        out.write(0);
        return out.toByteArray();
    }

    @Override
    public void close() {
        socket.close();
    }
}
