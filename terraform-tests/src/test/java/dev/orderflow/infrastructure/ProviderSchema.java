package dev.orderflow.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The AWS provider's schema as {@code @cdktf/provider-aws} ships it (its {@code *Config} types are generated from
 * {@code terraform providers schema}): which resource and data-source types exist, their arguments, which are
 * required, and which are nested blocks.
 */
final class ProviderSchema {

    private static ProviderSchema aws;

    private final JsonNode schema;

    private ProviderSchema(JsonNode schema) {
        this.schema = schema;
    }

    static synchronized ProviderSchema aws() {
        NodeTools.assumeInstalled();
        if (aws == null) {
            try {
                aws = new ProviderSchema(TerraformTree.JSON.readTree(NodeTools.run("provider-schema.mjs", List.of())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return aws;
    }

    /** The provider version the bindings were generated from, e.g. 6.25.0. */
    String providerVersion() {
        return schema.get("provider_version").asText();
    }

    /** The configuration type of a resource type, or null if the provider has no such resource. */
    String resource(String type) {
        return schema.path("resources").path(type).textValue();
    }

    /** The configuration type of a data source, or null if the provider has no such data source. */
    String dataSource(String type) {
        return schema.path("data").path(type).textValue();
    }

    String provider() {
        return schema.get("provider").asText();
    }

    /** Arguments of a configuration or block type: name → {required, block}. */
    JsonNode arguments(String type) {
        return schema.path("types").path(type);
    }
}
