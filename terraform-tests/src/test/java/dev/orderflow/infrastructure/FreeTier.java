package dev.orderflow.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The AWS Free Tier limits an environment root must stay within: a free instance type and one instance's worth of
 * hours (750 a month), no NAT gateway (billed by the hour), Container Insights off, and DynamoDB provisioned at
 * most 25 RCU and 25 WCU summed over tables and indexes, at the autoscaling maximum.
 */
final class FreeTier {

    static final Set<String> INSTANCE_TYPES = Set.of("t2.micro", "t3.micro");
    static final int CAPACITY_UNITS = 25;

    private FreeTier() {
    }

    static List<String> violations(TerraformTree.Module root) {
        JsonNode call = root.call("orderflow");
        List<String> violations = new ArrayList<>();
        if (!INSTANCE_TYPES.contains(call.path("instance_type").asText())) {
            violations.add("instance type " + call.path("instance_type").asText() + " is not in the free tier");
        }
        if (call.at("/instance_count/min").asInt(Integer.MAX_VALUE) > 1) {
            violations.add("more than one instance all month exceeds the free 750 hours");
        }
        if (!"none".equals(call.path("nat_gateways").asText()) || !"false".equals(call.path("private_instances").asText())) {
            violations.add("a NAT gateway is not free");
        }
        if (!"false".equals(call.path("container_insights").asText())) {
            violations.add("Container Insights is not free");
        }
        JsonNode capacity = call.path("table_capacity");
        if (!capacity.isObject()) {
            violations.add("on-demand tables are not free: provision them within " + CAPACITY_UNITS + " RCU/WCU");
        } else {
            for (String dimension : new String[] {"max_read", "max_write"}) {
                int sum = 0;
                for (JsonNode table : capacity) {
                    sum += table.path(dimension).asInt(Integer.MAX_VALUE / 8);
                }
                if (sum > CAPACITY_UNITS) {
                    violations.add("the sum of " + dimension + " is " + sum + ", above the free " + CAPACITY_UNITS);
                }
            }
        }
        return violations;
    }
}
