package dev.orderflow.inventory.adapter.in.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.orderflow.inventory.domain.InventoryItem;
import java.math.BigDecimal;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record InventoryItemResponse(String productId, long stock, BigDecimal price, String name) {

    static InventoryItemResponse of(InventoryItem item) {
        return new InventoryItemResponse(item.productId().value(), item.stock(), item.price().toDecimal(),
                item.name());
    }
}
