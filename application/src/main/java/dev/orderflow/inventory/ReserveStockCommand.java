package dev.orderflow.inventory;

import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import java.util.Objects;

/** Reserve {@code quantity} of a product for one order; the order id makes repeating it harmless. */
public record ReserveStockCommand(OrderId orderId, ProductId productId, Quantity quantity, CustomerId customerId) {

    public ReserveStockCommand {
        Objects.requireNonNull(orderId, "order_id");
        Objects.requireNonNull(productId, "product_id");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(customerId, "customer_id");
    }
}
