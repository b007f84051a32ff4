package dev.orderflow.inventory.adapter.out.dynamodb;

import dev.orderflow.platform.dynamodb.Tables;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The {@code inventory} and {@code reservations} tables; created by the application only locally and in tests. */
public final class InventoryTables {

    private InventoryTables() {
    }

    public static CompletableFuture<Void> createIfMissing(DynamoDbAsyncClient client, String inventoryTable,
                                                          String reservationsTable) {
        return Tables.createIfMissing(client, keyedBy(inventoryTable, "product_id"))
                .thenCompose(done -> Tables.createIfMissing(client, keyedBy(reservationsTable, "order_id")));
    }

    private static CreateTableRequest keyedBy(String tableName, String key) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName(key).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(key).keyType(KeyType.HASH))
                .build();
    }
}
