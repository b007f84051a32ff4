package dev.orderflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** dev stays within the free tier; the guards themselves catch an environment that does not. */
class FreeTierTest {

    @Test
    void devStaysWithinTheFreeTier() {
        TerraformTree.Module dev = TerraformTree.infrastructure().module("envs/dev");

        assertThat(FreeTier.violations(dev)).isEmpty();
        assertThat(dev.call("orderflow").get("table_capacity").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("orders", "pending-orders", "inventory", "reservations");
    }

    @Test
    void prodIsNotFreeAndTheGuardsSayWhy() {
        assertThat(FreeTier.violations(TerraformTree.infrastructure().module("envs/prod"))).containsExactlyInAnyOrder(
                "more than one instance all month exceeds the free 750 hours",
                "a NAT gateway is not free",
                "Container Insights is not free",
                "on-demand tables are not free: provision them within 25 RCU/WCU");
    }

    @Test
    void theClusterModuleAcceptsOnlyFreeTierTypesAndStaysInsideTheirBaseline() {
        TerraformTree.Module cluster = TerraformTree.infrastructure().module("modules/ecs-cluster");
        JsonNode instanceType = cluster.variables.get("instance_type");
        Matcher allowed = Pattern.compile("contains\\(\\[([^]]*)]").matcher(instanceType.at("/validation/0/condition").asText());

        assertThat(allowed.find()).isTrue();
        assertThat(allowed.group(1).replace("\"", "").split(",\\s*")).containsExactlyInAnyOrderElementsOf(FreeTier.INSTANCE_TYPES);
        assertThat(instanceType.get("default").asText()).isEqualTo("t3.micro");
        assertThat(cluster.variables.get("unlimited_cpu_credits").get("default").asBoolean()).isFalse();
        assertThat(cluster.variables.get("root_volume_size").get("default").asInt()).as("free tier: 30 GB of EBS")
                .isLessThanOrEqualTo(30);
        assertThat(cluster.resource("aws_launch_template", "this").at("/credit_specification/0/cpu_credits").asText())
                .isEqualTo("${var.unlimited_cpu_credits ? \"unlimited\" : \"standard\"}");
    }

    @Test
    void noNatGatewayExistsWithoutPrivateInstances() {
        TerraformTree.Module network = TerraformTree.infrastructure().module("modules/network");

        assertThat(network.resource("aws_nat_gateway", "this").get("count").asText()).isEqualTo("${local.nat_count}");
        assertThat(network.locals.get("nat_count").asText()).startsWith("${var.private_instances ? ").endsWith(" : 0}");
    }

    @Test
    void anEnvironmentOverTheFreeTierIsCaught() {
        TerraformTree.Module expensive = TerraformTree.load(Repository.fixture("over-free-tier")).module("");

        assertThat(FreeTier.violations(expensive)).containsExactlyInAnyOrder(
                "instance type t3.small is not in the free tier",
                "more than one instance all month exceeds the free 750 hours",
                "a NAT gateway is not free",
                "the sum of max_read is 26, above the free 25",
                "the sum of max_write is 30, above the free 25");
    }
}
