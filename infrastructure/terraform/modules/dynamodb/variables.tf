variable "name_prefix" {
  description = "Prefix of the table names, orderflow-<env>: the tables are <prefix>-orders, -inventory and -reservations."
  type        = string

  validation {
    condition     = can(regex("^orderflow-[a-z0-9]+$", var.name_prefix))
    error_message = "The prefix must be orderflow-<env>."
  }
}

variable "capacity" {
  description = "Null for on-demand billing (prod). Otherwise provisioned capacity with autoscaling between min and max, per table and for the pending-orders index; keep the sums of max within the free tier's 25 RCU and 25 WCU (dev, docs/aws.md)."
  type = map(object({
    min_read  = number
    max_read  = number
    min_write = number
    max_write = number
  }))
  default = null

  validation {
    condition     = var.capacity == null || try(setequal(keys(var.capacity), ["orders", "pending-orders", "inventory", "reservations"]), false)
    error_message = "Give capacity for orders, pending-orders, inventory and reservations, or null for on-demand."
  }

  validation {
    condition     = var.capacity == null || alltrue([for c in values(var.capacity) : c.min_read >= 1 && c.min_write >= 1 && c.min_read <= c.max_read && c.min_write <= c.max_write])
    error_message = "Every min must be at least 1 and at most its max."
  }
}

variable "utilization_target_percent" {
  description = "Target utilisation of provisioned capacity that autoscaling keeps."
  type        = number
  default     = 70

  validation {
    condition     = var.utilization_target_percent >= 20 && var.utilization_target_percent <= 90
    error_message = "The target must be between 20 and 90 per cent."
  }
}

variable "kms_key_arn" {
  description = "Customer managed KMS key for the tables. Null uses the AWS managed key for DynamoDB."
  type        = string
  default     = null
}

variable "deletion_protection" {
  description = "Refuse to delete the tables (prod)."
  type        = bool
}
