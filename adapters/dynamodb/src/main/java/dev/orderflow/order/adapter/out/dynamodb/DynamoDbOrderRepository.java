package dev.orderflow.order.adapter.out.dynamodb;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.port.out.OrderRepository;
import dev.orderflow.platform.dynamodb.DynamoDbCalls;
import dev.orderflow.platform.dynamodb.DynamoDbOperation;
import dev.orderflow.platform.dynamodb.Timestamps;
import dev.orderflow.shared.OrderId;
import java.time.Instant;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Orders in DynamoDB; every state change is a conditional write, so concurrent writers cannot clobber each other. */
public class DynamoDbOrderRepository implements OrderRepository {

    private static final TableSchema<OrderItem> SCHEMA = TableSchema.fromBean(OrderItem.class);
    private static final Expression DOES_NOT_EXIST = Expression.builder()
            .expression("attribute_not_exists(order_id)").build();
    private static final Expression STILL_PENDING = Expression.builder()
            .expression("#status = :pending")
            .expressionNames(Map.of("#status", "status"))
            .expressionValues(Map.of(":pending", AttributeValue.fromS("pending")))
            .build();

    private final DynamoDbAsyncTable<OrderItem> table;
    private final DynamoDbAsyncIndex<OrderItem> pendingIndex;
    private final DynamoDbOperation putItem;
    private final DynamoDbOperation getItem;
    private final DynamoDbOperation queryPending;

    public DynamoDbOrderRepository(DynamoDbEnhancedAsyncClient dynamoDb, String tableName, DynamoDbCalls calls) {
        this.table = dynamoDb.table(tableName, SCHEMA);
        this.pendingIndex = table.index(OrderItem.PENDING_INDEX);
        this.putItem = calls.operation("PutItem", tableName);
        this.getItem = calls.operation("GetItem", tableName);
        this.queryPending = calls.operation("Query", tableName);
    }

    @Override
    public Mono<Boolean> create(Order order) {
        PutItemEnhancedRequest<OrderItem> put = PutItemEnhancedRequest.builder(OrderItem.class)
                .item(OrderItemMapper.toItem(order))
                .conditionExpression(DOES_NOT_EXIST)
                .build();
        return putItem.call(() -> table.putItem(put))
                .thenReturn(true)
                .onErrorResume(ConditionalCheckFailedException.class, e -> Mono.just(false));
    }

    @Override
    public Mono<Order> find(OrderId orderId) {
        return getItem.call(() -> table.getItem(r -> r.key(key(orderId)).consistentRead(true)))
                .map(OrderItemMapper::toOrder);
    }

    @Override
    public Mono<Order> resolve(Order resolved) {
        PutItemEnhancedRequest<OrderItem> put = PutItemEnhancedRequest.builder(OrderItem.class)
                .item(OrderItemMapper.toItem(resolved))
                .conditionExpression(STILL_PENDING)
                .build();
        return putItem.call(() -> table.putItem(put))
                .thenReturn(resolved)
                .onErrorResume(ConditionalCheckFailedException.class, e -> find(resolved.orderId())
                        .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                                "no order " + resolved.orderId() + " to resolve"))));
    }

    @Override
    public Flux<Order> findPending(Instant createdBefore, int limit) {
        QueryEnhancedRequest query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortLessThan(Key.builder()
                        .partitionValue(OrderItem.PENDING_SHARD)
                        .sortValue(Timestamps.format(createdBefore))
                        .build()))
                .scanIndexForward(true)
                .limit(limit)
                .build();
        // The first page is enough: the limit bounds it, and the next run picks up whatever is left.
        return queryPending.call(Flux.from(pendingIndex.query(query)).next())
                .flatMapIterable(Page::items)
                .map(OrderItemMapper::toOrder);
    }

    private static Key key(OrderId orderId) {
        return Key.builder().partitionValue(orderId.value()).build();
    }
}
