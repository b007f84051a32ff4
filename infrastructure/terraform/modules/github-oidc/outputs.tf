output "plan_role_arn" {
  description = "Role the pull-request workflow assumes to plan (read-only)."
  value       = aws_iam_role.plan.arn
}

output "deploy_role_arn" {
  description = "Role the environment's apply job assumes (GitHub environment with required reviewers)."
  value       = aws_iam_role.deploy.arn
}
