variable "name_prefix" {
  description = "Name prefix of the roles, orderflow-<env>."
  type        = string

  validation {
    condition     = can(regex("^orderflow-[a-z0-9]+$", var.name_prefix))
    error_message = "The prefix must be orderflow-<env>."
  }
}

variable "cluster_name" {
  description = "Name of the ECS cluster the container instances join (its ARN is derived, so the instance role exists before the cluster and its instances)."
  type        = string
}

variable "table_arns" {
  description = "ARNs of the orders, inventory and reservations tables."
  type = object({
    orders       = string
    inventory    = string
    reservations = string
  })
}

variable "pending_orders_index_arn" {
  description = "ARN of the orders table's pending-orders index."
  type        = string
}

variable "table_kms_key_arn" {
  description = "Customer managed key of the tables, or null for the AWS managed key (which needs no grant in the task roles)."
  type        = string
  default     = null
}

variable "image_repository_arns" {
  description = "ECR repositories the execution role may pull from."
  type        = list(string)
}

variable "log_group_arns" {
  description = "Log groups the execution role may write the containers' logs to."
  type        = list(string)
}

variable "enable_execute_command" {
  description = "Give the task roles the SSM channel ECS Exec needs. Off by default."
  type        = bool
  default     = false
}
