package dev.orderflow.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every Terraform module (directory) under a root, parsed by HashiCorp's HCL library ({@code @cdktf/hcl2json}).
 * Expressions stay text ({@code "${var.x}"}); literal values, blocks and object constructors stay structured.
 */
final class TerraformTree {

    static final ObjectMapper JSON = new ObjectMapper();
    private static TerraformTree infrastructure;

    final Path root;
    /** By directory relative to the root ("" for the root itself, "modules/network", ...). */
    final Map<String, Module> modules;

    private TerraformTree(Path root, Map<String, Module> modules) {
        this.root = root;
        this.modules = modules;
    }

    /** infrastructure/terraform, parsed once per test run. */
    static synchronized TerraformTree infrastructure() {
        NodeTools.assumeInstalled();
        if (infrastructure == null) {
            infrastructure = load(Repository.TERRAFORM);
        }
        return infrastructure;
    }

    static TerraformTree load(Path root) {
        NodeTools.assumeInstalled();
        JsonNode files;
        try {
            files = JSON.readTree(NodeTools.run("hcl2json.mjs", List.of(root.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Module> modules = new TreeMap<>();
        files.fields().forEachRemaining(file -> {
            Path parent = Path.of(file.getKey()).getParent();
            String directory = parent == null ? "" : parent.toString();
            modules.computeIfAbsent(directory, Module::new).add(file.getValue());
        });
        return new TerraformTree(root, modules);
    }

    Module module(String directory) {
        Module module = modules.get(directory);
        if (module == null) {
            throw new IllegalArgumentException("no Terraform module " + directory + " in " + modules.keySet());
        }
        return module;
    }

    /** One directory's files merged: what Terraform sees as one module. */
    static final class Module {

        final String directory;
        final ObjectNode resources = JsonNodeFactory.instance.objectNode();
        final ObjectNode data = JsonNodeFactory.instance.objectNode();
        final ObjectNode locals = JsonNodeFactory.instance.objectNode();
        final Map<String, JsonNode> variables = new TreeMap<>();
        final Map<String, JsonNode> outputs = new TreeMap<>();
        final Map<String, JsonNode> calls = new TreeMap<>();
        final Map<String, JsonNode> providers = new TreeMap<>();
        final ObjectNode terraform = JsonNodeFactory.instance.objectNode();

        Module(String directory) {
            this.directory = directory;
        }

        private void add(JsonNode file) {
            file.fields().forEachRemaining(block -> {
                JsonNode value = block.getValue();
                switch (block.getKey()) {
                    case "resource" -> mergeTyped(resources, value);
                    case "data" -> mergeTyped(data, value);
                    case "locals" -> value.forEach(locals -> this.locals.setAll((ObjectNode) locals));
                    case "variable" -> value.fields().forEachRemaining(v -> variables.put(v.getKey(), v.getValue().get(0)));
                    case "output" -> value.fields().forEachRemaining(o -> outputs.put(o.getKey(), o.getValue().get(0)));
                    case "module" -> value.fields().forEachRemaining(m -> calls.put(m.getKey(), m.getValue().get(0)));
                    case "provider" -> value.fields().forEachRemaining(p -> providers.put(p.getKey(), p.getValue().get(0)));
                    case "terraform" -> value.forEach(t -> terraform.setAll((ObjectNode) t));
                    default -> throw new IllegalStateException("unexpected top-level block " + block.getKey());
                }
            });
        }

        private static void mergeTyped(ObjectNode into, JsonNode byType) {
            byType.fields().forEachRemaining(type -> {
                ObjectNode names = into.has(type.getKey()) ? (ObjectNode) into.get(type.getKey()) : into.putObject(type.getKey());
                type.getValue().fields().forEachRemaining(name -> names.set(name.getKey(), name.getValue().get(0)));
            });
        }

        /** Resources of one type, by name. */
        Map<String, JsonNode> resources(String type) {
            return byName(resources.get(type));
        }

        /** Data sources of one type, by name. */
        Map<String, JsonNode> data(String type) {
            return byName(data.get(type));
        }

        JsonNode resource(String type, String name) {
            JsonNode body = resources.path(type).get(name);
            if (body == null) {
                throw new IllegalArgumentException("no " + type + "." + name + " in " + directory);
            }
            return body;
        }

        JsonNode call(String name) {
            JsonNode call = calls.get(name);
            if (call == null) {
                throw new IllegalArgumentException("no module " + name + " in " + directory);
            }
            return call;
        }

        private static Map<String, JsonNode> byName(JsonNode names) {
            Map<String, JsonNode> result = new TreeMap<>();
            if (names != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = names.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    result.put(entry.getKey(), entry.getValue());
                }
            }
            return result;
        }
    }
}
