package dev.orderflow.inventory.adapter.out.dynamodb;

import dev.orderflow.inventory.domain.InventoryItem;
import dev.orderflow.inventory.port.out.InventoryRepository;
import dev.orderflow.platform.dynamodb.DynamoDbCalls;
import dev.orderflow.platform.dynamodb.DynamoDbOperation;
import dev.orderflow.shared.ProductId;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

public class DynamoDbInventoryRepository implements InventoryRepository {

    static final TableSchema<InventoryRecord> SCHEMA = TableSchema.fromBean(InventoryRecord.class);

    private final DynamoDbAsyncTable<InventoryRecord> table;
    private final DynamoDbOperation getItem;
    private final DynamoDbOperation putItem;

    public DynamoDbInventoryRepository(DynamoDbEnhancedAsyncClient dynamoDb, String tableName, DynamoDbCalls calls) {
        this.table = dynamoDb.table(tableName, SCHEMA);
        this.getItem = calls.operation("GetItem", tableName);
        this.putItem = calls.operation("PutItem", tableName);
    }

    @Override
    public Mono<InventoryItem> find(ProductId productId) {
        Key key = Key.builder().partitionValue(productId.value()).build();
        return getItem.call(() -> table.getItem(r -> r.key(key).consistentRead(true)))
                .map(InventoryMapper::toItem);
    }

    @Override
    public Mono<InventoryItem> save(InventoryItem item) {
        return putItem.call(() -> table.putItem(InventoryMapper.toRecord(item)))
                .thenReturn(item);
    }
}
