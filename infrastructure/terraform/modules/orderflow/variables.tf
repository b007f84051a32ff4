variable "environment" {
  description = "Environment name; every resource is named orderflow-<environment>-..."
  type        = string

  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "environment must be dev or prod."
  }
}

variable "availability_zones" {
  description = "The two availability zones to run in."
  type        = list(string)
}

variable "private_instances" {
  description = "Container instances in private subnets behind NAT gateways (prod) or in public subnets without NAT (dev)."
  type        = bool
}

variable "nat_gateways" {
  description = "none, single or per_az (see the network module)."
  type        = string
}

variable "instance_type" {
  description = "Container instance type (free-tier types only, see the ecs-cluster module)."
  type        = string
  default     = "t3.micro"
}

variable "instance_count" {
  description = "Fewest and most container instances."
  type = object({
    min = number
    max = number
  })
}

variable "container_insights" {
  description = "Container Insights on the cluster."
  type        = bool
}

variable "table_capacity" {
  description = "Provisioned DynamoDB capacity per table and index (see the dynamodb module), or null for on-demand."
  type = map(object({
    min_read  = number
    max_read  = number
    min_write = number
    max_write = number
  }))
  default = null
}

variable "deletion_protection" {
  description = "Deletion protection of the tables and the load balancer."
  type        = bool
}

variable "kms_key_arn" {
  description = "Customer managed key for the tables and the alarm topic, or null for AWS managed encryption."
  type        = string
  default     = null
}

variable "image_repository_urls" {
  description = "ECR repository URLs of the images, keyed orderflow-gateway and orderflow-processor."
  type        = map(string)

  validation {
    condition     = alltrue([for name in ["orderflow-gateway", "orderflow-processor"] : contains(keys(var.image_repository_urls), name)])
    error_message = "Give the URLs of orderflow-gateway and orderflow-processor."
  }
}

variable "image_repository_arns" {
  description = "ARNs of the same repositories, for the execution role's pull permission."
  type        = list(string)
}

variable "image_tag" {
  description = "Image tag (commit id) both services run; see ADR 0030."
  type        = string
}

variable "certificate_arn" {
  description = "ACM certificate for HTTPS on the load balancer; null serves HTTP only."
  type        = string
  default     = null
}

variable "alarm_email" {
  description = "Address the alarms go to, or null."
  type        = string
  default     = null
}

variable "log_retention_days" {
  description = "Days the services' logs are kept."
  type        = number

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365], var.log_retention_days)
    error_message = "Use a retention CloudWatch Logs accepts (1 to 365 days)."
  }
}

variable "task_count" {
  description = "Fewest and most tasks of each service (service autoscaling)."
  type = object({
    min = number
    max = number
  })
}

variable "enable_execute_command" {
  description = "ECS Exec into the containers."
  type        = bool
  default     = false
}
