package dev.orderflow.inventory.adapter.out.dynamodb;

import dev.orderflow.inventory.domain.Reservation;
import dev.orderflow.inventory.port.out.StockLedger;
import dev.orderflow.platform.dynamodb.DynamoDbCalls;
import dev.orderflow.platform.dynamodb.DynamoDbOperation;
import dev.orderflow.shared.Money;
import dev.orderflow.shared.OrderId;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Reservations in DynamoDB. A reservation and the stock it takes are written in one transaction whose two
 * conditions (enough stock at the expected price; no reservation yet for the order) DynamoDB checks
 * atomically, so neither overselling nor double reservation can happen however many processors run.
 */
public class DynamoDbStockLedger implements StockLedger {

    private static final TableSchema<ReservationRecord> SCHEMA = TableSchema.fromBean(ReservationRecord.class);
    private static final String NO_RESERVATION_YET = "attribute_not_exists(order_id)";
    private static final String TAKE_STOCK = "SET stock = stock - :quantity";
    private static final String ENOUGH_STOCK_AT_PRICE =
            "attribute_exists(product_id) AND stock >= :quantity AND price = :price";
    private static final int INVENTORY_UPDATE = 0;
    private static final int RESERVATION_PUT = 1;

    private final DynamoDbAsyncClient client;
    private final DynamoDbAsyncTable<ReservationRecord> reservations;
    private final String inventoryTable;
    private final String reservationsTable;
    private final DynamoDbOperation getReservation;
    private final DynamoDbOperation putReservation;
    private final DynamoDbOperation transactWrite;

    /**
     * @param client the plain client too, because the enhanced client cannot express the arithmetic update
     *               {@code stock = stock - :quantity} inside a transaction
     */
    public DynamoDbStockLedger(DynamoDbEnhancedAsyncClient dynamoDb, DynamoDbAsyncClient client,
                               String inventoryTable, String reservationsTable, DynamoDbCalls calls) {
        this.client = client;
        this.reservations = dynamoDb.table(reservationsTable, SCHEMA);
        this.inventoryTable = inventoryTable;
        this.reservationsTable = reservationsTable;
        this.getReservation = calls.operation("GetItem", reservationsTable);
        this.putReservation = calls.operation("PutItem", reservationsTable);
        this.transactWrite = calls.operation("TransactWriteItems", inventoryTable);
    }

    @Override
    public Mono<Reservation> find(OrderId orderId) {
        Key key = Key.builder().partitionValue(orderId.value()).build();
        return getReservation.call(() -> reservations.getItem(r -> r.key(key).consistentRead(true)))
                .map(InventoryMapper::toReservation);
    }

    @Override
    public Mono<CommitOutcome> commit(Reservation reserved, Money unitPrice) {
        TransactWriteItemsRequest transaction = TransactWriteItemsRequest.builder()
                .transactItems(takeStock(reserved, unitPrice), record(reserved))
                .build();
        return transactWrite.call(() -> client.transactWriteItems(transaction))
                .thenReturn(CommitOutcome.COMMITTED)
                .onErrorResume(TransactionCanceledException.class, e -> Mono.just(outcomeOf(e)));
    }

    @Override
    public Mono<CommitOutcome> recordRejection(Reservation rejected) {
        PutItemEnhancedRequest<ReservationRecord> put = PutItemEnhancedRequest.builder(ReservationRecord.class)
                .item(InventoryMapper.toRecord(rejected))
                .conditionExpression(Expression.builder().expression(NO_RESERVATION_YET).build())
                .build();
        return putReservation.call(() -> reservations.putItem(put))
                .thenReturn(CommitOutcome.COMMITTED)
                .onErrorResume(ConditionalCheckFailedException.class,
                        e -> Mono.just(CommitOutcome.ALREADY_RECORDED));
    }

    private TransactWriteItem takeStock(Reservation reserved, Money unitPrice) {
        return TransactWriteItem.builder().update(update -> update
                .tableName(inventoryTable)
                .key(Map.of("product_id", AttributeValue.fromS(reserved.productId().value())))
                .updateExpression(TAKE_STOCK)
                .conditionExpression(ENOUGH_STOCK_AT_PRICE)
                .expressionAttributeValues(Map.of(
                        ":quantity", AttributeValue.fromN(Integer.toString(reserved.quantity().value())),
                        ":price", AttributeValue.fromN(Long.toString(unitPrice.minorUnits())))))
                .build();
    }

    private TransactWriteItem record(Reservation reserved) {
        return TransactWriteItem.builder().put(put -> put
                .tableName(reservationsTable)
                .item(SCHEMA.itemToMap(InventoryMapper.toRecord(reserved), true))
                .conditionExpression(NO_RESERVATION_YET))
                .build();
    }

    /**
     * A failed reservation condition wins over a failed stock condition: the order was already decided, and
     * deciding again would be wrong. A conflict with a concurrent transaction changed nothing either; the caller
     * decides again on fresh data.
     */
    static CommitOutcome outcomeOf(TransactionCanceledException cancelled) {
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        if (reasons.size() > RESERVATION_PUT && failedItsCondition(reasons.get(RESERVATION_PUT))) {
            return CommitOutcome.ALREADY_RECORDED;
        }
        if (reasons.size() > INVENTORY_UPDATE && !failedItsCondition(reasons.get(INVENTORY_UPDATE))
                && !isConflict(reasons)) {
            throw cancelled;
        }
        return CommitOutcome.STOCK_CHANGED;
    }

    private static boolean failedItsCondition(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    private static boolean isConflict(List<CancellationReason> reasons) {
        return reasons.stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
    }
}
