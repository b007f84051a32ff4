output "service_name" {
  description = "Name of the ECS service."
  value       = aws_ecs_service.this.name
}

output "task_definition_arn" {
  description = "ARN (with revision) of the task definition Terraform registered."
  value       = aws_ecs_task_definition.this.arn
}

output "srv_record_name" {
  description = "DNS SRV name the service's tasks are registered under, or null without discovery."
  value       = var.discovery == null ? null : aws_service_discovery_service.this[0].name
}

output "load_balancer_dns_name" {
  description = "DNS name of the public ALB, or null without one."
  value       = local.public ? aws_lb.this[0].dns_name : null
}

output "load_balancer_arn_suffix" {
  description = "ALB identifier for CloudWatch metrics (LoadBalancer dimension), or null."
  value       = local.public ? aws_lb.this[0].arn_suffix : null
}

output "target_group_arn_suffix" {
  description = "Target group identifier for CloudWatch metrics (TargetGroup dimension), or null."
  value       = local.public ? aws_lb_target_group.this[0].arn_suffix : null
}
