variable "aws_region" {
  description = "Region of the state bucket, the image repositories and the environments."
  type        = string
  default     = "eu-west-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.aws_region))
    error_message = "Give a region name such as eu-west-1."
  }
}

variable "github_repository" {
  description = "owner/name of the GitHub repository whose workflows plan and deploy."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "Give the repository as owner/name."
  }
}

variable "environments" {
  description = "Environments to create deploy roles for; each needs a GitHub environment of the same name."
  type        = set(string)
  default     = ["dev", "prod"]

  validation {
    condition     = alltrue([for environment in var.environments : contains(["dev", "prod"], environment)])
    error_message = "Environments are dev and prod."
  }
}
