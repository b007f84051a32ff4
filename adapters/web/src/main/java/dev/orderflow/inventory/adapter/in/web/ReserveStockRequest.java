package dev.orderflow.inventory.adapter.in.web;

import dev.orderflow.inventory.ReserveStockCommand;
import dev.orderflow.platform.web.JsonRequest;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;

/** Reads {@code POST /process-order}: {@code {"order_id","product_id","quantity","customer_id"}}. */
final class ReserveStockRequest {

    private ReserveStockRequest() {
    }

    static ReserveStockCommand parse(String body) {
        JsonRequest request = JsonRequest.parse(body);
        OrderId orderId = request.text("order_id", OrderId::new);
        ProductId productId = request.text("product_id", ProductId::new);
        Quantity quantity = request.wholeNumber("quantity", Quantity::of);
        CustomerId customerId = request.text("customer_id", CustomerId::new);
        request.requireValid();
        return new ReserveStockCommand(orderId, productId, quantity, customerId);
    }
}
