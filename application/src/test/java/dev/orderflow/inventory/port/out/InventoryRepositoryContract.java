package dev.orderflow.inventory.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.inventory.domain.InventoryItem;
import dev.orderflow.shared.Money;
import dev.orderflow.shared.ProductId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link InventoryRepository} must do; run against the in-memory fake and DynamoDB. */
public abstract class InventoryRepositoryContract {

    protected abstract InventoryRepository repository();

    @Test
    void givenASavedItem_whenFound_thenItComesBackAsSaved() {
        InventoryRepository inventory = repository();
        InventoryItem item = new InventoryItem(productId(), 42, new Money(1999), "Widget");

        inventory.save(item).block();

        assertThat(inventory.find(item.productId()).block()).isEqualTo(item);
    }

    @Test
    void givenASavedItem_whenSavedAgain_thenTheNewValuesReplaceTheOld() {
        InventoryRepository inventory = repository();
        ProductId productId = productId();
        inventory.save(new InventoryItem(productId, 1, new Money(100), "Old")).block();
        InventoryItem restocked = new InventoryItem(productId, 500, new Money(250), "New");

        inventory.save(restocked).block();

        assertThat(inventory.find(productId).block()).isEqualTo(restocked);
    }

    @Test
    void givenNoItem_whenFound_thenEmpty() {
        assertThat(repository().find(productId()).block()).isNull();
    }

    private static ProductId productId() {
        return new ProductId("p-" + UUID.randomUUID());
    }
}
