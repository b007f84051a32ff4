package dev.orderflow.e2e;

import dev.orderflow.testsupport.DynamoDbLocal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the tables behind the services' backs, to check docs/design.md's invariants on what is stored rather than on
 * what the API says.
 */
final class Tables implements AutoCloseable {

    private static final DateTimeFormatter STORED_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient client;

    Tables(DynamoDbLocal dynamoDb) {
        client = DynamoDbClient.builder()
                .endpointOverride(dynamoDb.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * An order as a gateway stores it before touching any stock: what a gateway that crashed right after that
     * leaves behind.
     */
    void putPendingOrder(String orderId, String productId, int quantity, Instant createdAt) {
        client.putItem(b -> b.tableName("orders").item(Map.of(
                "order_id", AttributeValue.fromS(orderId),
                "product_id", AttributeValue.fromS(productId),
                "quantity", AttributeValue.fromN(Integer.toString(quantity)),
                "customer_id", AttributeValue.fromS("crashed-customer"),
                "status", AttributeValue.fromS("pending"),
                "created_at", AttributeValue.fromS(STORED_TIME.format(createdAt)),
                "pending_shard", AttributeValue.fromS("pending"))));
    }

    /** How many orders for the product are in each status. */
    Map<String, Long> orderStatuses(String productId) {
        return itemsFor("orders", productId).stream()
                .collect(Collectors.groupingBy(item -> item.get("status").s(), Collectors.counting()));
    }

    /** The status of each order for the product, by order id. */
    Map<String, String> orderStatusesById(String productId) {
        return itemsFor("orders", productId).stream()
                .collect(Collectors.toMap(item -> item.get("order_id").s(), item -> item.get("status").s()));
    }

    /** The status of each order for the product, by customer id: for tests that give every request a customer of its own. */
    Map<String, String> orderStatusesByCustomer(String productId) {
        return itemsFor("orders", productId).stream()
                .collect(Collectors.toMap(item -> item.get("customer_id").s(), item -> item.get("status").s()));
    }

    /**
     * Warms DynamoDB Local's JVM with calls of the kinds the services make (writes, conditional writes, reads) on a
     * scratch product of the inventory table: a DynamoDB Local started a moment ago runs its code interpreted, many
     * times slower than it will, which DynamoDB itself never is.
     */
    void warmUp(int calls, int threads) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                String product = "warm-up-" + thread;
                running.add(pool.submit(() -> {
                    for (int i = 0; i < calls / threads; i++) {
                        client.putItem(b -> b.tableName("inventory").item(Map.of(
                                "product_id", AttributeValue.fromS(product),
                                "stock", AttributeValue.fromN("1"), "price", AttributeValue.fromN("1"),
                                "name", AttributeValue.fromS("warm-up"))));
                        client.getItem(b -> b.tableName("inventory").consistentRead(true)
                                .key(Map.of("product_id", AttributeValue.fromS(product))));
                    }
                }));
            }
            for (java.util.concurrent.Future<?> each : running) {
                each.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("warming DynamoDB Local failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The units the reservations table says were taken for the product. */
    long reservedUnits(String productId) {
        return itemsFor("reservations", productId).stream()
                .filter(item -> "reserved".equals(item.get("status").s()))
                .mapToLong(item -> Long.parseLong(item.get("quantity").n()))
                .sum();
    }

    private List<Map<String, AttributeValue>> itemsFor(String table, String productId) {
        return client.scanPaginator(b -> b.tableName(table).consistentRead(true)
                        .filterExpression("product_id = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(productId))))
                .items().stream().toList();
    }

    @Override
    public void close() {
        client.close();
    }
}
