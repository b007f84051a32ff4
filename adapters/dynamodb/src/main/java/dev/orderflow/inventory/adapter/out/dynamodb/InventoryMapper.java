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

final class InventoryMapper {

    static final String RESERVED = "reserved";
    static final String INSUFFICIENT_STOCK = "insufficient_stock";
    static final String UNKNOWN_PRODUCT = "unknown_product";
    static final String WITHDRAWN = "withdrawn";

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
        if (reservation.result() instanceof ReservationResult.Reserved reserved) {
            record.setStatus(RESERVED);
            record.setTotalPrice(reserved.totalPrice().minorUnits());
        } else {
            record.setStatus(rejectionStatus(reservation.result()));
        }
        return record;
    }

    static Reservation toReservation(ReservationRecord record) {
        Instant processedAt = Timestamps.parse(record.getProcessedAt());
        ReservationResult result = switch (record.getStatus()) {
            case RESERVED -> new ReservationResult.Reserved(new Money(record.getTotalPrice()), processedAt);
            case INSUFFICIENT_STOCK -> new ReservationResult.InsufficientStock(processedAt);
            case UNKNOWN_PRODUCT -> new ReservationResult.UnknownProduct(processedAt);
            case WITHDRAWN -> new ReservationResult.Withdrawn(processedAt);
            default -> throw new IllegalStateException("unknown reservation status " + record.getStatus());
        };
        return new Reservation(new OrderId(record.getOrderId()), new ProductId(record.getProductId()),
                new Quantity(record.getQuantity()), new CustomerId(record.getCustomerId()), result);
    }

    private static String rejectionStatus(ReservationResult result) {
        if (result instanceof ReservationResult.InsufficientStock) {
            return INSUFFICIENT_STOCK;
        }
        return result instanceof ReservationResult.Withdrawn ? WITHDRAWN : UNKNOWN_PRODUCT;
    }
}
