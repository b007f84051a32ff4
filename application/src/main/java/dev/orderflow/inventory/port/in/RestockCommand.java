package dev.orderflow.inventory.port.in;

import dev.orderflow.inventory.domain.InventoryItem;
import java.util.Objects;

/** Sets a product's stock, price and name as an operator states them. */
public record RestockCommand(InventoryItem item) {

    public RestockCommand {
        Objects.requireNonNull(item, "item");
    }
}
