output "load_balancer_url" {
  description = "Where clients reach the order gateway."
  value       = "${var.certificate_arn == null ? "http" : "https"}://${module.gateway.load_balancer_dns_name}"
}

output "cluster_name" {
  description = "ECS cluster of both services."
  value       = module.cluster.cluster_name
}

output "table_names" {
  description = "DynamoDB table names by role."
  value       = module.tables.table_names
}

output "alarm_topic_arn" {
  description = "SNS topic of the alarms."
  value       = module.monitoring.topic_arn
}

output "task_definition_arns" {
  description = "Task definition revisions Terraform registered, by service."
  value = {
    order-gateway   = module.gateway.task_definition_arn
    order-processor = module.processor.task_definition_arn
  }
}
