package dev.orderflow.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * What the code depends on in a table: its keys, attribute types and indexes (not its capacity mode, which each
 * deployment chooses), read from the code's CreateTableRequest or from the dynamodb module's table locals.
 */
record TableShape(String hashKey, String rangeKey, Map<String, String> attributes, Map<String, Index> indexes) {

    record Index(String hashKey, String rangeKey, String projection) {
    }

    static TableShape of(CreateTableRequest table) {
        Map<String, String> attributes = new TreeMap<>();
        table.attributeDefinitions().forEach(a -> attributes.put(a.attributeName(), a.attributeTypeAsString()));
        Map<String, Index> indexes = new TreeMap<>();
        table.globalSecondaryIndexes().forEach(index -> indexes.put(index.indexName(), new Index(
                key(index.keySchema(), KeyType.HASH), key(index.keySchema(), KeyType.RANGE),
                index.projection().projectionTypeAsString())));
        return new TableShape(key(table.keySchema(), KeyType.HASH), key(table.keySchema(), KeyType.RANGE),
                attributes, indexes);
    }

    /** One entry of the dynamodb module's local.tables. */
    static TableShape of(JsonNode table) {
        Map<String, String> attributes = new TreeMap<>();
        table.path("attributes").fields().forEachRemaining(a -> attributes.put(a.getKey(), a.getValue().asText()));
        Map<String, Index> indexes = new TreeMap<>();
        table.path("indexes").fields().forEachRemaining(index -> indexes.put(index.getKey(), new Index(
                index.getValue().path("hash_key").asText(null), index.getValue().path("range_key").asText(null),
                index.getValue().path("projection_type").asText(null))));
        return new TableShape(table.path("hash_key").asText(null), table.path("range_key").asText(null),
                attributes, indexes);
    }

    private static String key(java.util.List<KeySchemaElement> keys, KeyType type) {
        return keys.stream().filter(k -> k.keyType() == type).map(KeySchemaElement::attributeName).findFirst()
                .orElse(null);
    }
}
