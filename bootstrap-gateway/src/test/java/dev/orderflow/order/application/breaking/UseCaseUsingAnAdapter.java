package dev.orderflow.order.application.breaking;

import dev.orderflow.inventory.application.ReserveStockService;
import dev.orderflow.order.adapter.out.dynamodb.OrderTable;
import org.springframework.stereotype.Component;

/**
 * Breaks three rules at once (a use case that knows an adapter, is annotated instead of wired, and reaches into the
 * inventory's internals): for ArchitectureRulesCanFailTest only.
 */
@Component
public class UseCaseUsingAnAdapter {

    public String table() {
        return OrderTable.definition("orders").tableName() + ReserveStockService.class.getSimpleName();
    }
}
