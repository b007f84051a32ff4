output "repository_urls" {
  description = "Repository URLs by name, for docker push and the task definitions."
  value       = { for name, repository in aws_ecr_repository.this : name => repository.repository_url }
}

output "repository_arns" {
  description = "Repository ARNs by name, for the pull and push permissions."
  value       = { for name, repository in aws_ecr_repository.this : name => repository.arn }
}
