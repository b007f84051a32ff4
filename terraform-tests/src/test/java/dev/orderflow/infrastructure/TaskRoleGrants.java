package dev.orderflow.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a task role of the iam module allows, as "action on resource" lines with the resources named by their
 * role in design.md ("table orders", "index orders/pending-orders"), and what dynamodb-access.json says it must
 * allow.
 */
final class TaskRoleGrants {

    private static final Map<String, String> RESOURCES = Map.of(
            "${var.table_arns.orders}", "table orders",
            "${var.table_arns.inventory}", "table inventory",
            "${var.table_arns.reservations}", "table reservations",
            "${var.pending_orders_index_arn}", "index orders/pending-orders");
    private static final Map<String, String> TRANSACTION_ITEMS = Map.of(
            "Put", "PutItem", "Update", "UpdateItem", "Delete", "DeleteItem", "ConditionCheck", "ConditionCheckItem");

    private TaskRoleGrants() {
    }

    /** Every "action on resource" the policies attached to the role allow, unconditionally or not. */
    static Set<String> of(TerraformTree.Module iam, String role) {
        Set<String> grants = new TreeSet<>();
        PolicyStatements.rolePolicies(iam).forEach((name, policy) -> {
            if (!attachesTo(policy, role)) {
                return;
            }
            PolicyStatements.of(iam, PolicyStatements.documentNamed(policy.get("policy"))).stream()
                    .filter(PolicyStatements.Statement::allows)
                    .forEach(statement -> statement.actions().forEach(action -> statement.resources().forEach(
                            resource -> grants.add(action + " on " + RESOURCES.getOrDefault(resource, resource)))));
        });
        return grants;
    }

    /** The DynamoDB grants the recorded operations of one service need, by IAM's rules for each API. */
    static Set<String> required(JsonNode service) {
        Set<String> grants = new TreeSet<>();
        service.fields().forEachRemaining(entry -> {
            String table = entry.getKey();
            JsonNode access = entry.getValue();
            access.get("operations").forEach(operation -> {
                switch (operation.asText()) {
                    case "Query" -> grants.add("dynamodb:Query on " + (access.has("query_index")
                            ? "index " + table + "/" + access.get("query_index").asText()
                            : "table " + table));
                    // TransactWriteItems has no IAM action of its own: each item needs its own action on its table.
                    case "TransactWriteItems" -> access.get("transaction_items").fields().forEachRemaining(item -> {
                        if (!item.getKey().equals("about")) {
                            grants.add("dynamodb:" + TRANSACTION_ITEMS.get(item.getValue().asText())
                                    + " on table " + item.getKey());
                        }
                    });
                    default -> grants.add("dynamodb:" + operation.asText() + " on table " + table);
                }
            });
            grants.add("dynamodb:" + access.get("probe").asText() + " on table " + table);
        });
        return grants;
    }

    private static boolean attachesTo(JsonNode policy, String role) {
        String reference = "aws_iam_role." + role + ".";
        return policy.path("role").asText().contains(reference) || policy.path("for_each").toString().contains(reference);
    }
}
