package dev.orderflow.inventory.adapter.out.dynamodb;

import dev.orderflow.inventory.domain.InventoryItem;
import dev.orderflow.inventory.port.out.InventoryRepository;
import dev.orderflow.platform.dynamodb.OperationTimer;
import dev.orderflow.shared.ProductId;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

public class DynamoDbInventoryRepository implements InventoryRepository {

    static final TableSchema<InventoryRecord> SCHEMA = TableSchema.fromBean(InventoryRecord.class);

    private final DynamoDbAsyncTable<InventoryRecord> table;
    private final String tableName;
    private final OperationTimer timer;

    public DynamoDbInventoryRepository(DynamoDbEnhancedAsyncClient dynamoDb, String tableName, MeterRegistry meters) {
        this.table = dynamoDb.table(tableName, SCHEMA);
        this.tableName = tableName;
        this.timer = new OperationTimer(meters);
    }

    @Override
    public Mono<InventoryItem> find(ProductId productId) {
        Key key = Key.builder().partitionValue(productId.value()).build();
        return timer.time("GetItem", tableName, () -> table.getItem(r -> r.key(key).consistentRead(true)))
                .map(InventoryMapper::toItem);
    }

    @Override
    public Mono<InventoryItem> save(InventoryItem item) {
        return timer.time("PutItem", tableName, () -> table.putItem(InventoryMapper.toRecord(item)))
                .thenReturn(item);
    }
}
