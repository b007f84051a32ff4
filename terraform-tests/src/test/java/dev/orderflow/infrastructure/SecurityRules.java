package dev.orderflow.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Security rules over a whole tree: IMDSv2 and encrypted volumes; tables encrypted with point-in-time recovery;
 * nothing open to the internet but the load balancer's listener ports; no wildcard IAM actions; GitHub roles
 * trusted only for one repository's exact subject; state bucket encrypted, private and TLS-only; ECR scanned and
 * immutable.
 */
final class SecurityRules {

    private SecurityRules() {
    }

    static List<String> violations(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        tree.modules.values().forEach(module -> check(module, violations));
        PolicyStatements.all(tree).forEach(statement -> {
            statement.actions().stream().filter(action -> action.contains("*"))
                    .forEach(action -> violations.add(statement.where() + ": wildcard action " + action));
            if (statement.principals().toString().contains("Federated")) {
                checkFederatedTrust(statement, violations);
            }
        });
        return violations;
    }

    private static void check(TerraformTree.Module module, List<String> violations) {
        String where = module.directory.isEmpty() ? "." : module.directory;
        module.resources("aws_launch_template").forEach((name, template) -> {
            JsonNode metadata = template.at("/metadata_options/0");
            if (!"required".equals(metadata.path("http_tokens").asText())) {
                violations.add(where + ": launch template " + name + " does not require IMDSv2");
            }
            if (metadata.path("http_put_response_hop_limit").asInt(2) > 1) {
                violations.add(where + ": launch template " + name + " lets containers reach the instance metadata");
            }
            template.path("block_device_mappings").forEach(device -> {
                if (!device.at("/ebs/0/encrypted").asBoolean(false)) {
                    violations.add(where + ": launch template " + name + " has an unencrypted volume");
                }
            });
        });
        module.resources("aws_dynamodb_table").forEach((name, table) -> {
            if (!table.at("/server_side_encryption/0/enabled").asBoolean(false)) {
                violations.add(where + ": table " + name + " is not encrypted with KMS");
            }
            if (!table.at("/point_in_time_recovery/0/enabled").asBoolean(false)) {
                violations.add(where + ": table " + name + " has no point-in-time recovery");
            }
        });
        module.resources("aws_security_group").forEach((name, group) -> {
            if (group.has("ingress") || group.has("egress")) {
                violations.add(where + ": security group " + name + " has inline rules (use one rule resource each)");
            }
        });
        module.resources("aws_vpc_security_group_ingress_rule").forEach((name, rule) -> {
            boolean internet = "0.0.0.0/0".equals(rule.path("cidr_ipv4").asText())
                    || "::/0".equals(rule.path("cidr_ipv6").asText());
            boolean listener = "${aws_security_group.alb.id}".equals(rule.path("security_group_id").asText())
                    && rule.path("for_each").asText().contains("var.alb_listener_ports");
            if (internet && !listener) {
                violations.add(where + ": ingress rule " + name + " is open to the internet");
            }
        });
        module.resources("aws_ecr_repository").forEach((name, repository) -> {
            if (!"IMMUTABLE".equals(repository.path("image_tag_mutability").asText())) {
                violations.add(where + ": repository " + name + " has mutable tags");
            }
            if (!repository.at("/image_scanning_configuration/0/scan_on_push").asBoolean(false)) {
                violations.add(where + ": repository " + name + " does not scan on push");
            }
        });
        module.resources("aws_s3_bucket").forEach((name, bucket) -> {
            String reference = "${aws_s3_bucket." + name + ".id}";
            if (module.resources("aws_s3_bucket_server_side_encryption_configuration").values().stream()
                    .noneMatch(sse -> reference.equals(sse.path("bucket").asText()))) {
                violations.add(where + ": bucket " + name + " has no default encryption");
            }
            if (module.resources("aws_s3_bucket_public_access_block").values().stream()
                    .noneMatch(block -> reference.equals(block.path("bucket").asText())
                            && block.path("block_public_acls").asBoolean() && block.path("block_public_policy").asBoolean()
                            && block.path("ignore_public_acls").asBoolean() && block.path("restrict_public_buckets").asBoolean())) {
                violations.add(where + ": bucket " + name + " does not block public access");
            }
            if (!module.data("aws_iam_policy_document").toString().contains("aws:SecureTransport")) {
                violations.add(where + ": bucket " + name + " accepts plain HTTP");
            }
        });
        module.resources("aws_lb").forEach((name, balancer) -> {
            if (!balancer.path("drop_invalid_header_fields").asBoolean(false)) {
                violations.add(where + ": load balancer " + name + " passes invalid headers on");
            }
        });
    }

    private static void checkFederatedTrust(PolicyStatements.Statement statement, List<String> violations) {
        boolean audience = false;
        boolean subject = false;
        for (JsonNode condition : statement.conditions()) {
            String variable = condition.path("variable").asText();
            boolean exact = "StringEquals".equals(condition.path("test").asText());
            if (variable.endsWith(":aud") && exact) {
                audience = condition.path("values").toString().equals("[\"sts.amazonaws.com\"]");
            }
            if (variable.endsWith(":sub")) {
                subject = exact && !condition.path("values").toString().contains("*");
            }
        }
        if (!audience || !subject) {
            violations.add(statement.where() + ": OIDC trust is not limited to an exact audience and subject");
        }
    }
}
