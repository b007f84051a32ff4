package dev.orderflow.inventory.adapter.out.dynamodb;

import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.inventory.domain.InventoryItem;
import dev.orderflow.inventory.domain.Reservation;
import dev.orderflow.platform.dynamodb.Timestamps;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.Money;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import java.time.Instant;

/** Inventory items and reservations to and from their stored records: the one mapping at the DynamoDB boundary. */
final class InventoryMapper {

    /** A reservation's {@code status} attribute as stored; the table's vocabulary, independent of the HTTP API's. */
    enum StoredStatus {
        RESERVED("reserved"), INSUFFICIENT_STOCK("insufficient_stock"), UNKNOWN_PRODUCT("unknown_product"),
        WITHDRAWN("withdrawn");

        private final String stored;

        StoredStatus(String stored) {
            this.stored = stored;
        }

        static StoredStatus of(String stored) {
            for (StoredStatus status : values()) {
                if (status.stored.equals(stored)) {
                    return status;
                }
            }
            throw new IllegalStateException("unknown reservation status " + stored);
        }
    }

    private InventoryMapper() {
    }

    static InventoryRecord toRecord(InventoryItem item) {
        InventoryRecord record = new InventoryRecord();
        record.setProductId(item.productId().value());
        record.setStock(item.stock());
        record.setPrice(item.price().minorUnits());
        record.setName(item.name());
        return record;
    }

    static InventoryItem toItem(InventoryRecord record) {
        return new InventoryItem(new ProductId(record.getProductId()), record.getStock(),
                new Money(record.getPrice()), record.getName());
    }

    static ReservationRecord toRecord(Reservation reservation) {
        ReservationRecord record = new ReservationRecord();
        record.setOrderId(reservation.orderId().value());
        record.setProductId(reservation.productId().value());
        record.setQuantity(reservation.quantity().value());
        record.setCustomerId(reservation.customerId().value());
        record.setProcessedAt(Timestamps.format(reservation.result().processedAt()));
        StoredStatus status = reservation.result().match(
                reserved -> {
                    record.setTotalPrice(reserved.totalPrice().minorUnits());
                    return StoredStatus.RESERVED;
                },
                insufficientStock -> StoredStatus.INSUFFICIENT_STOCK,
                unknownProduct -> StoredStatus.UNKNOWN_PRODUCT,
                withdrawn -> StoredStatus.WITHDRAWN);
        record.setStatus(status.stored);
        return record;
    }

    static Reservation toReservation(ReservationRecord record) {
        Instant processedAt = Timestamps.parse(record.getProcessedAt());
        ReservationResult result = switch (StoredStatus.of(record.getStatus())) {
            case RESERVED -> new ReservationResult.Reserved(new Money(record.getTotalPrice()), processedAt);
            case INSUFFICIENT_STOCK -> new ReservationResult.InsufficientStock(processedAt);
            case UNKNOWN_PRODUCT -> new ReservationResult.UnknownProduct(processedAt);
            case WITHDRAWN -> new ReservationResult.Withdrawn(processedAt);
        };
        return new Reservation(new OrderId(record.getOrderId()), new ProductId(record.getProductId()),
                new Quantity(record.getQuantity()), new CustomerId(record.getCustomerId()), result);
    }
}
