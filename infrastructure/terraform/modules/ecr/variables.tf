variable "repository_names" {
  description = "Repositories to create, one per image (design.md: orderflow-gateway, orderflow-processor)."
  type        = set(string)

  validation {
    condition     = alltrue([for name in var.repository_names : can(regex("^orderflow-[a-z0-9-]+$", name))])
    error_message = "Repository names start with orderflow-."
  }
}

variable "keep_tagged_images" {
  description = "How many tagged images each repository keeps; older ones expire (every deploy pushes one)."
  type        = number
  default     = 30

  validation {
    condition     = var.keep_tagged_images >= 5
    error_message = "Keep at least 5 images, so that a rollback target stays available."
  }
}

variable "untagged_expiry_days" {
  description = "Days after which untagged images (layers of failed or superseded pushes) expire."
  type        = number
  default     = 7

  validation {
    condition     = var.untagged_expiry_days >= 1
    error_message = "At least one day."
  }
}
