package dev.orderflow.inventory.adapter.out.dynamodb;

import dev.orderflow.platform.dynamodb.Tables;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The {@code inventory} and {@code reservations} tables as the code expects them. The one definition of them, as
 * for {@link dev.orderflow.order.adapter.out.dynamodb.OrderTable}.
 */
public final class InventoryTables {

    private InventoryTables() {
    }

    /** The inventory table first, then the reservations table. */
    public static List<CreateTableRequest> definitions(String inventoryTable, String reservationsTable) {
        return List.of(keyedBy(inventoryTable, "product_id"), keyedBy(reservationsTable, "order_id"));
    }

    public static CompletableFuture<Void> createIfMissing(DynamoDbAsyncClient client, String inventoryTable,
                                                          String reservationsTable) {
        List<CreateTableRequest> tables = definitions(inventoryTable, reservationsTable);
        return Tables.createIfMissing(client, tables.get(0))
                .thenCompose(done -> Tables.createIfMissing(client, tables.get(1)));
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
