package dev.orderflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A plain HTTP client, as any client of the services would use: no code shared with the services. */
final class Api {

    /**
     * The services' own budgets bound every answer to a few seconds; this only catches a service that never answers.
     * Generous, because a cold JVM's first request on a starved 2-core CI machine has been seen to take over 20 s.
     */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    /**
     * A client (and so a connection pool) of its own: a service started on a port that an earlier, stopped
     * service used must never be sent that dead service's pooled connection.
     */
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    Api(URI base) {
        this.base = base;
    }

    Response get(String path, String... headers) {
        HttpRequest.Builder builder = request(path);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.GET().build());
    }

    Response post(String path, String json, String... headers) {
        return send(jsonRequest(path, json, headers).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    CompletableFuture<Response> postAsync(String path, String json, String... headers) {
        HttpRequest request = jsonRequest(path, json, headers).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(Response::of);
    }

    Response put(String path, String json) {
        return send(jsonRequest(path, json).PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder jsonRequest(String path, String json, String... headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT);
    }

    private Response send(HttpRequest request) {
        try {
            return Response.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        static Response of(HttpResponse<String> response) {
            return new Response(response.statusCode(), response.headers().map(), response.body());
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }
}
