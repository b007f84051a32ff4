variable "environment" {
  description = "Environment the roles deploy: dev or prod. Also the name of the GitHub environment whose jobs may assume the deploy role."
  type        = string

  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "environment must be dev or prod."
  }
}

variable "github_repository" {
  description = "owner/name of the GitHub repository whose workflows may assume the roles."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "Give the repository as owner/name."
  }
}

variable "oidc_provider_arn" {
  description = "ARN of the account's IAM OIDC provider for token.actions.githubusercontent.com."
  type        = string
}

variable "state_bucket_arn" {
  description = "ARN of the S3 bucket holding the Terraform state."
  type        = string
}

variable "state_key" {
  description = "Key of this environment's state object in the bucket (the lock file sits beside it, <key>.tflock)."
  type        = string
}

variable "image_repository_arns" {
  description = "ECR repositories the deploy role pushes the images to."
  type        = list(string)
}
