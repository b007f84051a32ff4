package dev.orderflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.inventory.adapter.out.dynamodb.InventoryTables;
import dev.orderflow.order.adapter.out.dynamodb.OrderTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** The tables Terraform creates are the ones the code defines: keys, attribute types, the pending-orders index. */
class DynamoDbTablesTest {

    private static Map<String, TableShape> fromCode() {
        List<CreateTableRequest> inventory = InventoryTables.definitions("inventory", "reservations");
        return Map.of(
                "orders", TableShape.of(OrderTable.definition("orders")),
                "inventory", TableShape.of(inventory.get(0)),
                "reservations", TableShape.of(inventory.get(1)));
    }

    private static Map<String, TableShape> fromTerraform(TerraformTree.Module module) {
        JsonNode tables = module.locals.get("tables");
        return Map.of(
                "orders", TableShape.of(tables.get("orders")),
                "inventory", TableShape.of(tables.get("inventory")),
                "reservations", TableShape.of(tables.get("reservations")));
    }

    @Test
    void theModuleDeclaresExactlyTheTablesKeysAndIndexesOfTheCode() {
        TerraformTree.Module module = TerraformTree.infrastructure().module("modules/dynamodb");

        assertThat(module.locals.get("tables").size()).isEqualTo(3);
        assertThat(fromTerraform(module)).isEqualTo(fromCode());
    }

    /** The table resource builds each table from those declarations and nothing else. */
    @Test
    void theTableResourceTakesKeysAttributesAndIndexesFromTheDeclarations() {
        JsonNode table = TerraformTree.infrastructure().module("modules/dynamodb").resource("aws_dynamodb_table", "this");

        assertThat(table.get("for_each").asText()).isEqualTo("${local.tables}");
        assertThat(table.get("name").asText()).isEqualTo("${var.name_prefix}-${each.key}");
        assertThat(table.get("hash_key").asText()).isEqualTo("${each.value.hash_key}");
        assertThat(table.has("range_key")).isFalse();
        JsonNode attribute = table.at("/dynamic/attribute/0");
        assertThat(attribute.get("for_each").asText()).isEqualTo("${each.value.attributes}");
        assertThat(attribute.at("/content/0/name").asText()).isEqualTo("${attribute.key}");
        assertThat(attribute.at("/content/0/type").asText()).isEqualTo("${attribute.value}");
        JsonNode index = table.at("/dynamic/global_secondary_index/0");
        assertThat(index.get("for_each").asText()).isEqualTo("${each.value.indexes}");
        JsonNode content = index.at("/content/0");
        assertThat(content.get("name").asText()).isEqualTo("${global_secondary_index.key}");
        assertThat(content.get("hash_key").asText()).isEqualTo("${global_secondary_index.value.hash_key}");
        assertThat(content.get("range_key").asText()).isEqualTo("${global_secondary_index.value.range_key}");
        assertThat(content.get("projection_type").asText()).isEqualTo("${global_secondary_index.value.projection_type}");
    }

    /** design.md: the Terraform prefix is orderflow-env; the services get these names through the environment. */
    @Test
    void tablesAreNamedWithTheEnvironmentPrefix() {
        TerraformTree tree = TerraformTree.infrastructure();

        assertThat(tree.module("modules/orderflow").locals.get("name").asText()).isEqualTo("orderflow-${var.environment}");
        assertThat(tree.module("modules/orderflow").call("tables").get("name_prefix").asText()).isEqualTo("${local.name}");
    }

    @Test
    void aWrongKeyIsCaught() {
        TerraformTree.Module wrong = TerraformTree.load(Repository.fixture("tables-wrong")).module("");

        Map<String, TableShape> declared = fromTerraform(wrong);

        assertThat(declared).isNotEqualTo(fromCode());
        assertThat(declared.get("orders").indexes().get("pending-orders").rangeKey()).isEqualTo("createdAt");
    }
}
