package dev.orderflow.platform.dynamodb;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Table names, from ORDERS_TABLE, INVENTORY_TABLE and RESERVATIONS_TABLE (see application.yml). */
@ConfigurationProperties("orderflow.tables")
public record TableNames(String orders, String inventory, String reservations) {

    public TableNames {
        orders = orDefault(orders, "orders");
        inventory = orDefault(inventory, "inventory");
        reservations = orDefault(reservations, "reservations");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
