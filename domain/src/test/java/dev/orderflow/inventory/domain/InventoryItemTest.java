package dev.orderflow.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.orderflow.shared.Money;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import org.junit.jupiter.api.Test;

class InventoryItemTest {

    private final InventoryItem item = new InventoryItem(new ProductId("p-1"), 5, new Money(1999), "Widget");

    @Test
    void givenStock_whenAskedForAtMostThatMuch_thenItCanSupply() {
        assertThat(item.canSupply(new Quantity(5))).isTrue();
        assertThat(item.canSupply(new Quantity(6))).isFalse();
    }

    @Test
    void givenAUnitPrice_whenPricingAQuantity_thenItMultiplies() {
        assertThat(item.priceOf(new Quantity(3))).isEqualTo(new Money(5997));
    }

    @Test
    void givenNegativeStockOrNoName_whenBuildingAnItem_thenItIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new InventoryItem(new ProductId("p"), -1, new Money(1), "n"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new InventoryItem(new ProductId("p"), 1, new Money(1), " "));
    }
}
