package dev.orderflow.benchmark;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What DynamoDB Local itself sustains on this machine for the least an order needs: one conditional stock update
 * and one conditional put, driven directly by the SDK at the same concurrency as the services. The services'
 * throughput is reported as a share of it, which makes results comparable across machines.
 */
final class DynamoDbCeiling {

    private DynamoDbCeiling() {
    }

    static double ordersPerSecond(URI endpoint, int concurrency, Duration duration) {
        try (DynamoDbAsyncClient client = DynamoDbAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            String stock = "ceiling-stock-" + UUID.randomUUID();
            String records = "ceiling-records-" + UUID.randomUUID();
            create(client, stock, "product_id");
            create(client, records, "order_id");
            client.putItem(b -> b.tableName(stock).item(Map.of("product_id", s("p"),
                    "stock", AttributeValue.fromN("1000000000")))).join();

            AtomicLong orders = new AtomicLong();
            long deadline = System.nanoTime() + duration.toNanos();
            CompletableFuture<?>[] loops = new CompletableFuture<?>[concurrency];
            for (int i = 0; i < concurrency; i++) {
                loops[i] = loop(client, stock, records, orders, deadline);
            }
            long started = System.nanoTime();
            CompletableFuture.allOf(loops).join();
            return orders.get() / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static CompletableFuture<Void> loop(DynamoDbAsyncClient client, String stock, String records,
                                                AtomicLong orders, long deadline) {
        if (System.nanoTime() > deadline) {
            return CompletableFuture.completedFuture(null);
        }
        return client.updateItem(b -> b.tableName(stock).key(Map.of("product_id", s("p")))
                        .updateExpression("SET stock = stock - :one")
                        .conditionExpression("stock >= :one")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))
                .thenCompose(updated -> client.putItem(b -> b.tableName(records)
                        .item(Map.of("order_id", s(UUID.randomUUID().toString()), "status", s("confirmed")))
                        .conditionExpression("attribute_not_exists(order_id)")))
                .thenCompose(put -> {
                    orders.incrementAndGet();
                    return loop(client, stock, records, orders, deadline);
                });
    }

    private static void create(DynamoDbAsyncClient client, String table, String key) {
        client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName(key).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(key).keyType(KeyType.HASH))).join();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
