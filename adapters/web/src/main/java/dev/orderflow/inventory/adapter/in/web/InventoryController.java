package dev.orderflow.inventory.adapter.in.web;

import dev.orderflow.inventory.port.in.GetInventoryItemUseCase;
import dev.orderflow.inventory.port.in.RestockUseCase;
import dev.orderflow.shared.ProductId;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The operators' inventory API. */
@RestController
public class InventoryController {

    private final GetInventoryItemUseCase getItem;
    private final RestockUseCase restock;

    public InventoryController(GetInventoryItemUseCase getItem, RestockUseCase restock) {
        this.getItem = getItem;
        this.restock = restock;
    }

    @Operation(summary = "Read a product's stock, price and name")
    @GetMapping(path = "/inventory/{productId}", produces = "application/json")
    public Mono<ResponseEntity<InventoryItemResponse>> get(@PathVariable String productId) {
        return Mono.fromCallable(() -> new ProductId(productId))
                .onErrorMap(IllegalArgumentException.class, e -> new NotFoundException("product"))
                .flatMap(getItem::get)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("product")))
                .map(item -> ResponseEntity.ok(InventoryItemResponse.of(item)));
    }

    @Operation(summary = "Set a product's stock, price and name", description = "Creates the product if needed.")
    @PutMapping(path = "/inventory/{productId}", produces = "application/json")
    public Mono<ResponseEntity<InventoryItemResponse>> put(@PathVariable String productId,
                                                           @RequestBody(required = false) String body) {
        return Mono.fromCallable(() -> RestockRequest.parse(productId, body))
                .flatMap(restock::restock)
                .map(item -> ResponseEntity.ok(InventoryItemResponse.of(item)));
    }
}
