package dev.orderflow.platform.dynamodb;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/** Creates a table unless it exists and waits until it is usable; for local runs and tests only. */
public final class Tables {

    /**
     * Creating a table, above all one with an index, takes DynamoDB Local far longer than the request budget the
     * services give a data call: these administrative calls get a budget of their own.
     */
    private static final AwsRequestOverrideConfiguration ADMIN_BUDGET = AwsRequestOverrideConfiguration.builder()
            .apiCallTimeout(Duration.ofSeconds(30))
            .apiCallAttemptTimeout(Duration.ofSeconds(30))
            .build();

    private Tables() {
    }

    public static CompletableFuture<Void> createIfMissing(DynamoDbAsyncClient client, CreateTableRequest request) {
        return client.createTable(request.toBuilder().overrideConfiguration(ADMIN_BUDGET).build())
                .handle((created, failure) -> {
                    Throwable cause = failure == null ? null : unwrap(failure);
                    if (cause != null && !(cause instanceof ResourceInUseException)) {
                        throw new IllegalStateException("could not create table " + request.tableName(), cause);
                    }
                    return null;
                })
                .thenCompose(ignored -> client.waiter().waitUntilTableExists(DescribeTableRequest.builder()
                        .tableName(request.tableName()).overrideConfiguration(ADMIN_BUDGET).build()))
                .thenApply(ignored -> null);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
