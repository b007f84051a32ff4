package dev.orderflow.order.adapter.out.dynamodb;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderStatus;
import dev.orderflow.order.domain.RejectionReason;
import dev.orderflow.platform.dynamodb.Timestamps;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.Money;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import java.util.Locale;

final class OrderItemMapper {

    private OrderItemMapper() {
    }

    static OrderItem toItem(Order order) {
        OrderItem item = new OrderItem();
        item.setOrderId(order.orderId().value());
        item.setProductId(order.productId().value());
        item.setQuantity(order.quantity().value());
        item.setCustomerId(order.customerId().value());
        item.setStatus(order.status().name().toLowerCase(Locale.ROOT));
        item.setTotalPrice(order.totalPrice() == null ? null : order.totalPrice().minorUnits());
        item.setProcessedAt(Timestamps.format(order.processedAt()));
        item.setRejectionReason(order.rejectionReason() == null
                ? null : order.rejectionReason().name().toLowerCase(Locale.ROOT));
        item.setCreatedAt(Timestamps.format(order.createdAt()));
        item.setIdempotencyKeyHash(order.idempotencyKeyHash());
        item.setPendingShard(order.isPending() ? OrderItem.PENDING_SHARD : null);
        return item;
    }

    static Order toOrder(OrderItem item) {
        return new Order(new OrderId(item.getOrderId()), new ProductId(item.getProductId()),
                new Quantity(item.getQuantity()), new CustomerId(item.getCustomerId()),
                OrderStatus.valueOf(item.getStatus().toUpperCase(Locale.ROOT)),
                item.getTotalPrice() == null ? null : new Money(item.getTotalPrice()),
                Timestamps.parse(item.getProcessedAt()),
                item.getRejectionReason() == null
                        ? null : RejectionReason.valueOf(item.getRejectionReason().toUpperCase(Locale.ROOT)),
                Timestamps.parse(item.getCreatedAt()), item.getIdempotencyKeyHash());
    }
}
