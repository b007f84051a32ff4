package dev.orderflow.order.adapter.out.processor;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A stand-in for the processor: a real HTTP server on a random port whose answers the test scripts, one per
 * request, so that timeouts, errors and retries happen over a real socket.
 */
final class StandInProcessor implements AutoCloseable {

    record Answer(int status, String contentType, String body, Duration delay) {

        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, Duration.ZERO);
        }

        static Answer problem(int status, String type, String processedAt) {
            return new Answer(status, "application/problem+json", """
                    {"type":"https://orderflow.dev/problems/%s","status":%d,"processed_at":"%s"}"""
                    .formatted(type, status, processedAt), Duration.ZERO);
        }

        Answer after(Duration wait) {
            return new Answer(status, contentType, body, wait);
        }
    }

    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile Answer otherwise = Answer.json(500, "{}");
    private final AtomicInteger requests = new AtomicInteger();
    private final DisposableServer server;

    StandInProcessor() {
        server = HttpServer.create().host("localhost").port(0)
                .handle((request, response) -> request.receive().aggregate().asString().defaultIfEmpty("")
                        .flatMap(body -> {
                            requests.incrementAndGet();
                            Answer answer = script.isEmpty() ? otherwise : script.poll();
                            return Mono.delay(answer.delay()).then(response
                                    .status(HttpResponseStatus.valueOf(answer.status()))
                                    .header("Content-Type", answer.contentType())
                                    .sendString(Mono.just(answer.body()), StandardCharsets.UTF_8)
                                    .then());
                        }))
                .bindNow();
    }

    StandInProcessor then(Answer answer) {
        script.add(answer);
        return this;
    }

    StandInProcessor otherwise(Answer answer) {
        otherwise = answer;
        return this;
    }

    int requests() {
        return requests.get();
    }

    URI uri() {
        return URI.create("http://localhost:" + server.port());
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
