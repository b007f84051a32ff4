package dev.orderflow.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code terraform validate} would say about the provider's part, without the provider: every resource and
 * data-source type exists, every argument and nested block (dynamic ones included) exists where it is used, every
 * required argument is set, and lifecycle.ignore_changes names real arguments.
 */
final class SchemaCheck {

    private static final Set<String> META_ARGUMENTS =
            Set.of("count", "for_each", "depends_on", "lifecycle", "provider", "provisioner", "connection");
    private static final Pattern IGNORED = Pattern.compile("^\\$\\{([a-z0-9_]+)}$");

    private final ProviderSchema schema;
    private final List<String> problems = new ArrayList<>();

    private SchemaCheck(ProviderSchema schema) {
        this.schema = schema;
    }

    static List<String> problems(TerraformTree tree, ProviderSchema schema) {
        SchemaCheck check = new SchemaCheck(schema);
        tree.modules.values().forEach(check::check);
        return check.problems;
    }

    private void check(TerraformTree.Module module) {
        String where = module.directory.isEmpty() ? "." : module.directory;
        module.resources.fields().forEachRemaining(type -> {
            String config = schema.resource(type.getKey());
            if (config == null) {
                problems.add(where + ": resource type " + type.getKey() + " does not exist in the AWS provider");
                return;
            }
            type.getValue().fields().forEachRemaining(resource -> checkBlock(
                    where + ": " + type.getKey() + "." + resource.getKey(), resource.getValue(), config, true));
        });
        module.data.fields().forEachRemaining(type -> {
            String config = schema.dataSource(type.getKey());
            if (config == null) {
                problems.add(where + ": data source " + type.getKey() + " does not exist in the AWS provider");
                return;
            }
            type.getValue().fields().forEachRemaining(source -> checkBlock(
                    where + ": data." + type.getKey() + "." + source.getKey(), source.getValue(), config, true));
        });
        module.providers.forEach((name, body) -> {
            if (!name.equals("aws")) {
                problems.add(where + ": provider " + name + " is not the AWS provider");
                return;
            }
            checkBlock(where + ": provider aws", body, schema.provider(), true);
        });
    }

    private void checkBlock(String where, JsonNode body, String type, boolean topLevel) {
        JsonNode arguments = schema.arguments(type);
        Set<String> present = new HashSet<>();
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) body::fields) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (topLevel && META_ARGUMENTS.contains(name)) {
                if (name.equals("lifecycle")) {
                    checkIgnoredChanges(where, value, arguments);
                }
                continue;
            }
            if (name.equals("dynamic")) {
                value.fields().forEachRemaining(dynamic -> {
                    String block = arguments.path(dynamic.getKey()).path("block").textValue();
                    if (block == null) {
                        problems.add(where + ": dynamic \"" + dynamic.getKey() + "\" is not a nested block here");
                        return;
                    }
                    present.add(dynamic.getKey());
                    dynamic.getValue().forEach(generator -> generator.path("content").forEach(content ->
                            checkBlock(where + "." + dynamic.getKey(), content, block, false)));
                });
                continue;
            }
            JsonNode argument = arguments.get(name);
            if (argument == null) {
                problems.add(where + ": unknown argument or block \"" + name + "\"");
                continue;
            }
            present.add(name);
            String block = argument.path("block").textValue();
            if (block != null && value.isArray()) {
                value.forEach(element -> {
                    if (element.isObject()) {
                        checkBlock(where + "." + name, element, block, false);
                    }
                });
            }
        }
        arguments.fields().forEachRemaining(argument -> {
            if (argument.getValue().path("required").asBoolean() && !present.contains(argument.getKey())) {
                problems.add(where + ": required argument \"" + argument.getKey() + "\" is not set");
            }
        });
    }

    private void checkIgnoredChanges(String where, JsonNode lifecycle, JsonNode arguments) {
        lifecycle.forEach(block -> block.path("ignore_changes").forEach(ignored -> {
            Matcher name = IGNORED.matcher(ignored.asText());
            if (name.matches() && !arguments.has(name.group(1))) {
                problems.add(where + ": lifecycle.ignore_changes names \"" + name.group(1) + "\", not an argument");
            }
        }));
    }
}
