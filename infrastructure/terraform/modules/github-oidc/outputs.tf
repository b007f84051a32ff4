output "plan_role_arn" {
  description = "Role the pull-request workflow assumes to plan (read-only)."
  value       = aws_iam_role.plan.arn
}

output "deploy_role_arn" {
  description = "Role the environment's apply job assumes (GitHub environment with required reviewers)."
  value       = aws_iam_role.deploy.arn
}

output "role_boundary_arn" {
  description = "Permissions boundary every role of the environment must carry (modules/iam sets it by name)."
  value       = aws_iam_policy.boundary.arn
}
