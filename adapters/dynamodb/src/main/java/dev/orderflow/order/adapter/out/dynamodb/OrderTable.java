package dev.orderflow.order.adapter.out.dynamodb;

import dev.orderflow.platform.dynamodb.Tables;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The {@code orders} table as the code expects it, with the sparse {@code pending-orders} index the recovery
 * step queries. The one definition of it: local runs, tests and the Helm chart's table bootstrap create it from
 * here, and the Terraform is checked against it.
 */
public final class OrderTable {

    private OrderTable() {
    }

    public static CreateTableRequest definition(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("order_id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("pending_shard").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("created_at").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("order_id").keyType(KeyType.HASH))
                .globalSecondaryIndexes(index -> index
                        .indexName(OrderItem.PENDING_INDEX)
                        .keySchema(k -> k.attributeName("pending_shard").keyType(KeyType.HASH),
                                k -> k.attributeName("created_at").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .build();
    }

    public static CompletableFuture<Void> createIfMissing(DynamoDbAsyncClient client, String tableName) {
        return Tables.createIfMissing(client, definition(tableName));
    }
}
