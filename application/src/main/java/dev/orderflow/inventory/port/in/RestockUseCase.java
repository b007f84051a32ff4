package dev.orderflow.inventory.port.in;

import dev.orderflow.inventory.domain.InventoryItem;
import reactor.core.publisher.Mono;

public interface RestockUseCase {

    /** @return the item as stored */
    Mono<InventoryItem> restock(RestockCommand command);
}
