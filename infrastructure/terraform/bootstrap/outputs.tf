output "state_bucket" {
  description = "Bucket for the environments' state: terraform init -backend-config=bucket=<this>."
  value       = aws_s3_bucket.state.bucket
}

output "image_repository_urls" {
  description = "Where to push the images, by name."
  value       = module.images.repository_urls
}

output "plan_role_arns" {
  description = "Role per environment the pull-request workflow assumes (GitHub variable AWS_PLAN_ROLE_ARN of that environment)."
  value       = { for environment, roles in module.github : environment => roles.plan_role_arn }
}

output "deploy_role_arns" {
  description = "Role per environment the apply job assumes (GitHub variable AWS_DEPLOY_ROLE_ARN of that environment)."
  value       = { for environment, roles in module.github : environment => roles.deploy_role_arn }
}
