package dev.orderflow.platform.dynamodb;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/** Creates a table unless it exists and waits until it is usable; for local runs and tests only. */
public final class Tables {

    private Tables() {
    }

    public static CompletableFuture<Void> createIfMissing(DynamoDbAsyncClient client, CreateTableRequest request) {
        return client.createTable(request)
                .handle((created, failure) -> {
                    Throwable cause = failure == null ? null : unwrap(failure);
                    if (cause != null && !(cause instanceof ResourceInUseException)) {
                        throw new IllegalStateException("could not create table " + request.tableName(), cause);
                    }
                    return null;
                })
                .thenCompose(ignored -> client.waiter().waitUntilTableExists(b -> b.tableName(request.tableName())))
                .thenApply(ignored -> null);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
    }
}
