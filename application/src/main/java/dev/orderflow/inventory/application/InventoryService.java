package dev.orderflow.inventory.application;

import dev.orderflow.inventory.domain.InventoryItem;
import dev.orderflow.inventory.port.in.GetInventoryItemUseCase;
import dev.orderflow.inventory.port.in.RestockCommand;
import dev.orderflow.inventory.port.in.RestockUseCase;
import dev.orderflow.inventory.port.out.InventoryRepository;
import dev.orderflow.shared.ProductId;
import reactor.core.publisher.Mono;

/** The operators' view of the inventory: read a product, set its stock, price and name. */
public class InventoryService implements GetInventoryItemUseCase, RestockUseCase {

    private final InventoryRepository inventory;

    public InventoryService(InventoryRepository inventory) {
        this.inventory = inventory;
    }

    @Override
    public Mono<InventoryItem> get(ProductId productId) {
        return inventory.find(productId);
    }

    @Override
    public Mono<InventoryItem> restock(RestockCommand command) {
        return inventory.save(command.item());
    }
}
