output "load_balancer_url" {
  description = "Where clients reach the order gateway (POST /orders)."
  value       = module.orderflow.load_balancer_url
}

output "cluster_name" {
  description = "ECS cluster of both services."
  value       = module.orderflow.cluster_name
}

output "table_names" {
  description = "DynamoDB table names by role (orders, inventory, reservations)."
  value       = module.orderflow.table_names
}

output "alarm_topic_arn" {
  description = "SNS topic the alarms are sent to."
  value       = module.orderflow.alarm_topic_arn
}

output "task_definition_arns" {
  description = "Task definition revisions this apply registered, by service."
  value       = module.orderflow.task_definition_arns
}
