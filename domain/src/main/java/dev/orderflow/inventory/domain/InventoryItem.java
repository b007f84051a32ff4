package dev.orderflow.inventory.domain;

import dev.orderflow.shared.Money;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import java.util.Objects;

/** One product's stock and unit price. */
public record InventoryItem(ProductId productId, long stock, Money price, String name) {

    public static final long MAX_STOCK = 1_000_000_000L;
    public static final int MAX_NAME_LENGTH = 200;

    public InventoryItem {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(price, "price");
        if (stock < 0 || stock > MAX_STOCK) {
            throw new IllegalArgumentException("stock must be a whole number from 0 to " + MAX_STOCK);
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
    }

    public boolean canSupply(Quantity quantity) {
        return stock >= quantity.value();
    }

    public Money priceOf(Quantity quantity) {
        return price.times(quantity);
    }
}
