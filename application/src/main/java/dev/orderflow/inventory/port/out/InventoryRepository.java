package dev.orderflow.inventory.port.out;

import dev.orderflow.inventory.domain.InventoryItem;
import dev.orderflow.shared.ProductId;
import reactor.core.publisher.Mono;

public interface InventoryRepository {

    /** A strongly consistent read: the reservation logic decides on it. */
    Mono<InventoryItem> find(ProductId productId);

    /** Replaces the item as a whole (an operator's restock). */
    Mono<InventoryItem> save(InventoryItem item);
}
