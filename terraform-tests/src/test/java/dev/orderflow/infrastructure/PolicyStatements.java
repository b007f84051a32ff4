package dev.orderflow.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The statements of the aws_iam_policy_document data sources: how every IAM policy here is written. */
final class PolicyStatements {

    private static final Pattern DOCUMENT_REFERENCE =
            Pattern.compile("^\\$\\{data\\.aws_iam_policy_document\\.([a-z0-9_]+)(\\[0])?\\.json}$");

    record Statement(String where, String sid, String effect, List<String> actions, List<String> resources,
                     JsonNode conditions, JsonNode principals) {

        boolean allows() {
            return !"Deny".equals(effect);
        }
    }

    private PolicyStatements() {
    }

    /** Every statement of every policy document in the tree. */
    static List<Statement> all(TerraformTree tree) {
        List<Statement> statements = new ArrayList<>();
        tree.modules.values().forEach(module -> module.data("aws_iam_policy_document")
                .forEach((name, document) -> statements.addAll(of(module, name))));
        return statements;
    }

    /** The statements of one policy document. */
    static List<Statement> of(TerraformTree.Module module, String document) {
        JsonNode body = module.data("aws_iam_policy_document").get(document);
        if (body == null) {
            throw new IllegalArgumentException("no policy document " + document + " in " + module.directory);
        }
        List<Statement> statements = new ArrayList<>();
        body.path("statement").forEach(statement -> statements.add(new Statement(
                (module.directory.isEmpty() ? "." : module.directory) + ": data.aws_iam_policy_document." + document,
                statement.path("sid").asText(""),
                statement.path("effect").asText("Allow"),
                literals(statement.path("actions")),
                literals(statement.path("resources")),
                statement.path("condition"),
                statement.path("principals"))));
        return statements;
    }

    /**
     * A list written out in the HCL. A list computed by an expression cannot be checked here, so it is refused
     * (returned as that one expression, which no expectation matches).
     */
    static List<String> literals(JsonNode list) {
        List<String> values = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(value -> values.add(value.asText()));
        } else if (!list.isMissingNode()) {
            values.add(list.asText());
        }
        return values;
    }

    /** The policy document an aws_iam_role_policy (or any policy argument) names, e.g. "gateway_tables". */
    static String documentNamed(JsonNode policyArgument) {
        Matcher name = DOCUMENT_REFERENCE.matcher(policyArgument.asText());
        if (!name.matches()) {
            throw new IllegalArgumentException("not a reference to a policy document: " + policyArgument);
        }
        return name.group(1);
    }

    static Map<String, JsonNode> rolePolicies(TerraformTree.Module module) {
        return module.resources("aws_iam_role_policy");
    }
}
