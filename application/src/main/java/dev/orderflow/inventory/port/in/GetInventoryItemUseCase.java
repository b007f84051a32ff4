package dev.orderflow.inventory.port.in;

import dev.orderflow.inventory.domain.InventoryItem;
import dev.orderflow.shared.ProductId;
import reactor.core.publisher.Mono;

public interface GetInventoryItemUseCase {

    /** @return the item, or empty if the product is unknown */
    Mono<InventoryItem> get(ProductId productId);
}
