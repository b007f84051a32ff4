output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = aws_ecs_cluster.this.arn
}

output "capacity_provider_name" {
  description = "Capacity provider the services place their tasks with; depends on the cluster's association, so services are created after it and destroyed before it."
  value       = one(aws_ecs_cluster_capacity_providers.this.capacity_providers)
}

output "autoscaling_group_name" {
  description = "Name of the Auto Scaling group of the container instances."
  value       = aws_autoscaling_group.this.name
}
