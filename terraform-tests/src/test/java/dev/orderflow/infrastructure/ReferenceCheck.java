package dev.orderflow.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module-level half of {@code terraform validate}, which needs no provider: every var., local., module.,
 * data. and resource reference resolves; every module call sets only variables the module declares and all those
 * without a default; every variable has a description and a type, every output a description.
 */
final class ReferenceCheck {

    private static final Pattern VARIABLE = Pattern.compile("(?<![\\w.])var\\.([A-Za-z_][\\w-]*)");
    private static final Pattern LOCAL = Pattern.compile("(?<![\\w.])local\\.([A-Za-z_][\\w-]*)");
    private static final Pattern MODULE = Pattern.compile(
            "(?<![\\w.])module\\.([A-Za-z_][\\w-]*)(?:\\[[^\\]]*])?(?:\\.([A-Za-z_][\\w-]*))?");
    private static final Pattern DATA = Pattern.compile("(?<![\\w.])data\\.([a-z0-9_]+)\\.([A-Za-z_][\\w-]*)");
    private static final Pattern RESOURCE = Pattern.compile("(?<![\\w.\"-])(aws_[a-z0-9_]+)\\.([A-Za-z_][\\w-]*)");
    private static final Set<String> CALL_META = Set.of("source", "version", "count", "for_each", "providers", "depends_on");

    private final TerraformTree tree;
    private final List<String> problems = new ArrayList<>();

    private ReferenceCheck(TerraformTree tree) {
        this.tree = tree;
    }

    static List<String> problems(TerraformTree tree) {
        ReferenceCheck check = new ReferenceCheck(tree);
        tree.modules.values().forEach(check::check);
        return check.problems;
    }

    private void check(TerraformTree.Module module) {
        String where = module.directory.isEmpty() ? "." : module.directory;
        module.variables.forEach((name, variable) -> {
            if (!variable.hasNonNull("description") || variable.path("description").asText().isBlank()) {
                problems.add(where + ": variable " + name + " has no description");
            }
            if (!variable.has("type")) {
                problems.add(where + ": variable " + name + " has no type");
            }
        });
        module.outputs.forEach((name, output) -> {
            if (!output.hasNonNull("description") || output.path("description").asText().isBlank()) {
                problems.add(where + ": output " + name + " has no description");
            }
        });
        module.calls.forEach((name, call) -> checkCall(where, module, name, call));
        Consumer<String> expression = text -> checkReferences(where, module, text);
        module.resources.forEach(node -> strings(node, expression));
        module.data.forEach(node -> strings(node, expression));
        strings(module.locals, expression);
        module.outputs.values().forEach(node -> strings(node, expression));
        module.calls.values().forEach(node -> strings(node, expression));
        module.providers.values().forEach(node -> strings(node, expression));
        module.variables.values().forEach(node -> strings(node.path("validation"), expression));
    }

    private void checkCall(String where, TerraformTree.Module module, String name, JsonNode call) {
        TerraformTree.Module target = target(module, call);
        if (target == null) {
            problems.add(where + ": module " + name + " has no module at " + call.path("source").asText());
            return;
        }
        call.fieldNames().forEachRemaining(argument -> {
            if (!CALL_META.contains(argument) && !target.variables.containsKey(argument)) {
                problems.add(where + ": module " + name + " sets " + argument + ", which " + target.directory
                        + " does not declare");
            }
        });
        target.variables.forEach((variable, declaration) -> {
            if (!declaration.has("default") && !call.has(variable)) {
                problems.add(where + ": module " + name + " does not set the required variable " + variable);
            }
        });
    }

    private TerraformTree.Module target(TerraformTree.Module module, JsonNode call) {
        String source = call.path("source").asText();
        if (!source.startsWith("./") && !source.startsWith("../")) {
            return null;
        }
        String directory = Path.of(module.directory).resolve(source).normalize().toString();
        return tree.modules.get(directory);
    }

    private void checkReferences(String where, TerraformTree.Module module, String text) {
        if (!text.contains("${")) {
            return;
        }
        find(VARIABLE, text, m -> {
            if (!module.variables.containsKey(m.group(1))) {
                problems.add(where + ": var." + m.group(1) + " is not declared");
            }
        });
        find(LOCAL, text, m -> {
            if (!module.locals.has(m.group(1))) {
                problems.add(where + ": local." + m.group(1) + " is not defined");
            }
        });
        find(MODULE, text, m -> {
            JsonNode call = module.calls.get(m.group(1));
            if (call == null) {
                problems.add(where + ": module." + m.group(1) + " is not called");
                return;
            }
            TerraformTree.Module target = target(module, call);
            if (m.group(2) != null && target != null && !target.outputs.containsKey(m.group(2))) {
                problems.add(where + ": module." + m.group(1) + "." + m.group(2) + " is not an output of "
                        + target.directory);
            }
        });
        find(DATA, text, m -> {
            if (!module.data.path(m.group(1)).has(m.group(2))) {
                problems.add(where + ": data." + m.group(1) + "." + m.group(2) + " is not declared");
            }
        });
        find(RESOURCE, text, m -> {
            if (!module.resources.path(m.group(1)).has(m.group(2))) {
                problems.add(where + ": " + m.group(1) + "." + m.group(2) + " is not declared");
            }
        });
    }

    private static void find(Pattern pattern, String text, Consumer<Matcher> each) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            each.accept(matcher);
        }
    }

    /** Calls back with every string in the node, map keys excluded. */
    static void strings(JsonNode node, Consumer<String> each) {
        if (node.isTextual()) {
            each.accept(node.asText());
        } else if (node.isContainerNode()) {
            node.forEach(child -> strings(child, each));
        }
    }
}
