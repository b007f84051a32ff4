package dev.orderflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each task role allows exactly the DynamoDB actions its service performs, on its own tables and index: no more,
 * no less. What the services perform is recorded by e2e-tests' DynamoDbAccessIT into dynamodb-access.json.
 */
class TaskRolePolicyTest {

    private static JsonNode access() throws IOException {
        return TerraformTree.JSON.readTree(Repository.TERRAFORM.resolve("dynamodb-access.json").toFile())
                .get("services");
    }

    private static Set<String> dynamoDb(Set<String> grants) {
        return grants.stream().filter(grant -> grant.startsWith("dynamodb:")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theGatewayRoleAllowsExactlyTheOperationsTheGatewayPerforms() throws IOException {
        TerraformTree.Module iam = TerraformTree.infrastructure().module("modules/iam");

        assertThat(dynamoDb(TaskRoleGrants.of(iam, "gateway_task")))
                .isEqualTo(TaskRoleGrants.required(access().get("order-gateway")))
                .containsExactly(
                        "dynamodb:DescribeTable on table orders",
                        "dynamodb:GetItem on table orders",
                        "dynamodb:PutItem on table orders",
                        "dynamodb:Query on index orders/pending-orders");
    }

    @Test
    void theProcessorRoleAllowsExactlyTheOperationsTheProcessorPerforms() throws IOException {
        TerraformTree.Module iam = TerraformTree.infrastructure().module("modules/iam");

        assertThat(dynamoDb(TaskRoleGrants.of(iam, "processor_task")))
                .isEqualTo(TaskRoleGrants.required(access().get("order-processor")));
    }

    @Test
    void nothingButTheTableKeyAndOptionalEcsExecIsGrantedBesides() {
        TerraformTree.Module iam = TerraformTree.infrastructure().module("modules/iam");
        Set<String> allowedBesides = Set.of(
                "kms:Decrypt on ${var.table_kms_key_arn}", "kms:Encrypt on ${var.table_kms_key_arn}",
                "kms:GenerateDataKey on ${var.table_kms_key_arn}",
                "ssmmessages:CreateControlChannel on *", "ssmmessages:CreateDataChannel on *",
                "ssmmessages:OpenControlChannel on *", "ssmmessages:OpenDataChannel on *");

        for (String role : new String[] {"gateway_task", "processor_task"}) {
            Set<String> others = new TreeSet<>(TaskRoleGrants.of(iam, role));
            others.removeAll(dynamoDb(others));
            assertThat(allowedBesides).as(role).containsAll(others);
        }
        assertThat(iam.resources("aws_iam_role_policy_attachment")).as("no managed policies on any role").isEmpty();
        assertThat(iam.data("aws_iam_policy_document").get("table_key").path("count").asText())
                .isEqualTo("${var.table_kms_key_arn == null ? 0 : 1}");
        assertThat(iam.data("aws_iam_policy_document").get("execute_command").path("count").asText())
                .isEqualTo("${var.enable_execute_command ? 1 : 0}");
        assertThat(PolicyStatements.of(iam, "table_key").get(0).conditions().toString())
                .contains("kms:ViaService", "dynamodb.*.amazonaws.com");
    }

    @Test
    void theRolesGetTheTablesAndIndexTheDynamoDbModuleCreates() {
        TerraformTree tree = TerraformTree.infrastructure();
        JsonNode call = tree.module("modules/orderflow").call("iam");
        TerraformTree.Module tables = tree.module("modules/dynamodb");

        assertThat(call.get("table_arns").asText()).isEqualTo("${module.tables.table_arns}");
        assertThat(call.get("pending_orders_index_arn").asText()).isEqualTo("${module.tables.pending_orders_index_arn}");
        assertThat(tables.outputs.get("pending_orders_index_arn").get("value").asText())
                .isEqualTo("${aws_dynamodb_table.this[\"orders\"].arn}/index/pending-orders");
        assertThat(tables.outputs.get("table_arns").get("value").asText())
                .isEqualTo("${{ for role, table in aws_dynamodb_table.this : role => table.arn }}");
    }

    @Test
    void anExtraActionOrAMissingOneIsCaught() throws IOException {
        TerraformTree.Module wrong = TerraformTree.load(Repository.fixture("task-role-wrong")).module("");

        Set<String> granted = dynamoDb(TaskRoleGrants.of(wrong, "gateway_task"));
        Set<String> required = TaskRoleGrants.required(access().get("order-gateway"));

        assertThat(granted).isNotEqualTo(required)
                .contains("dynamodb:Scan on table orders")
                .doesNotContain("dynamodb:Query on index orders/pending-orders");
        assertThat(required).contains("dynamodb:Query on index orders/pending-orders");
    }
}
