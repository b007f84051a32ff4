package dev.orderflow.inventory.adapter.out.dynamodb;

import dev.orderflow.inventory.domain.InventoryItem;
import dev.orderflow.inventory.port.out.InventoryRepository;
import dev.orderflow.platform.dynamodb.DynamoDbCalls;
import dev.orderflow.shared.ProductId;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

public class DynamoDbInventoryRepository implements InventoryRepository {

    static final TableSchema<InventoryRecord> SCHEMA = TableSchema.fromBean(InventoryRecord.class);

    private final DynamoDbAsyncTable<InventoryRecord> table;
    private final String tableName;
    private final DynamoDbCalls dynamoDbCalls;

    public DynamoDbInventoryRepository(DynamoDbEnhancedAsyncClient dynamoDb, String tableName, DynamoDbCalls calls) {
        this.table = dynamoDb.table(tableName, SCHEMA);
        this.tableName = tableName;
        this.dynamoDbCalls = calls;
    }

    @Override
    public Mono<InventoryItem> find(ProductId productId) {
        Key key = Key.builder().partitionValue(productId.value()).build();
        return dynamoDbCalls.call("GetItem", tableName, () -> table.getItem(r -> r.key(key).consistentRead(true)))
                .map(InventoryMapper::toItem);
    }

    @Override
    public Mono<InventoryItem> save(InventoryItem item) {
        return dynamoDbCalls.call("PutItem", tableName, () -> table.putItem(InventoryMapper.toRecord(item)))
                .thenReturn(item);
    }
}
