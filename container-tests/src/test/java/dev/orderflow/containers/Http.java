package dev.orderflow.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** A plain HTTP client, as any client of the services: no code shared with them. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private Http() {
    }

    record Response(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    static Response get(int port, String path) {
        return send(request(port, path).GET().build());
    }

    static Response post(int port, String path, String json) {
        return send(request(port, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static Response put(int port, String path, String json) {
        return send(request(port, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** DynamoDB's own API: DynamoDB Local accepts any credentials, so the signature is a placeholder. */
    static Response dynamoDb(int port, String operation, String json) {
        return send(request(port, "/")
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request,"
                        + " SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Polls until the URL answers 200; a container that exits meanwhile fails at once, with its log. */
    static Duration awaitOk(int port, String path, Duration timeout, Runnable checkAlive) {
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            checkAlive.run();
            try {
                if (send(request(port, path).timeout(Duration.ofSeconds(1)).GET().build()).status() == 200) {
                    return Duration.between(started, Instant.now());
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(Duration.ofMillis(50));
        }
        throw new IllegalStateException("port " + port + path + " did not answer 200 within " + timeout);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
