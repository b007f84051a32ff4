package dev.orderflow.order.adapter.in.web.breaking;

import dev.orderflow.order.adapter.out.dynamodb.OrderTable;

/** Breaks the rule that adapters do not use each other: for ArchitectureRulesCanFailTest only. */
public class WebAdapterUsingTheStoreAdapter {

    public String table() {
        return OrderTable.definition("orders").tableName();
    }
}
