output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "public_subnet_ids" {
  description = "Public subnets, one per availability zone: the ALB's, and the instances' when private_instances is false."
  value       = aws_subnet.public[*].id
}

output "instance_subnet_ids" {
  description = "Subnets the container instances run in: private ones when private_instances is true, else the public ones."
  value       = var.private_instances ? aws_subnet.private[*].id : aws_subnet.public[*].id
}

output "instances_get_public_ip" {
  description = "Whether instances need a public IP to reach AWS APIs (no NAT gateway in front of them)."
  value       = !var.private_instances
}

output "alb_security_group_id" {
  description = "Security group of the public load balancer."
  value       = aws_security_group.alb.id
}

output "instance_security_group_id" {
  description = "Security group of the ECS container instances."
  value       = aws_security_group.instances.id
}

output "nat_gateway_count" {
  description = "How many NAT gateways were created (each is billed by the hour)."
  value       = local.nat_count
}
