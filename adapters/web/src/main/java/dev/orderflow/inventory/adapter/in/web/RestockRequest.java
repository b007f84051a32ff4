package dev.orderflow.inventory.adapter.in.web;

import dev.orderflow.inventory.domain.InventoryItem;
import dev.orderflow.inventory.port.in.RestockCommand;
import dev.orderflow.platform.web.FieldError;
import dev.orderflow.platform.web.JsonRequest;
import dev.orderflow.shared.Money;
import dev.orderflow.shared.ProductId;

/** Reads {@code PUT /inventory/{product_id}}: {@code {"stock","price","name"}}, price in major units. */
final class RestockRequest {

    private RestockRequest() {
    }

    static RestockCommand parse(String productIdInPath, String body) {
        JsonRequest request = JsonRequest.parse(body);
        ProductId productId = null;
        try {
            productId = new ProductId(productIdInPath);
        } catch (IllegalArgumentException e) {
            request.reject(new FieldError("product_id", e.getMessage()));
        }
        Long stock = request.wholeNumber("stock", RestockRequest::stock);
        Money price = request.number("price", Money::ofDecimal);
        String name = request.text("name", RestockRequest::name);
        request.requireValid();
        return new RestockCommand(new InventoryItem(productId, stock, price, name));
    }

    private static long stock(long value) {
        if (value < 0 || value > InventoryItem.MAX_STOCK) {
            throw new IllegalArgumentException("stock must be a whole number from 0 to " + InventoryItem.MAX_STOCK);
        }
        return value;
    }

    private static String name(String value) {
        if (value.isBlank() || value.length() > InventoryItem.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name must be 1 to " + InventoryItem.MAX_NAME_LENGTH + " characters");
        }
        return value;
    }
}
