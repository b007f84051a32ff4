variable "name_prefix" {
  description = "Name prefix of the topic and alarms, orderflow-<env>."
  type        = string

  validation {
    condition     = can(regex("^orderflow-[a-z0-9]+$", var.name_prefix))
    error_message = "The prefix must be orderflow-<env>."
  }
}

variable "alarm_email" {
  description = "Address the alarms are mailed to (it must confirm the subscription). Null creates the topic without a subscriber."
  type        = string
  default     = null

  validation {
    condition     = var.alarm_email == null || can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.alarm_email))
    error_message = "Give a valid e-mail address or null."
  }
}

variable "kms_key_arn" {
  description = "Customer managed key to encrypt the topic with (its policy must let CloudWatch and EventBridge use it). Null leaves the topic unencrypted: alarm notifications carry no customer data."
  type        = string
  default     = null
}

variable "load_balancer_arn_suffix" {
  description = "LoadBalancer dimension of the gateway's ALB."
  type        = string
}

variable "target_group_arn_suffix" {
  description = "TargetGroup dimension of the gateway's target group."
  type        = string
}

variable "cluster_name" {
  description = "ECS cluster of the services."
  type        = string
}

variable "service_names" {
  description = "ECS services to watch."
  type        = set(string)
}

variable "container_insights" {
  description = "Whether Container Insights is on: the running-below-desired alarms need its task counts."
  type        = bool
}

variable "table_names" {
  description = "DynamoDB tables to watch for throttling and system errors."
  type        = set(string)
}

variable "p99_latency_seconds" {
  description = "Alarm when the ALB's p99 target response time exceeds this."
  type        = number
  default     = 0.5

  validation {
    condition     = var.p99_latency_seconds > 0
    error_message = "The threshold must be positive."
  }
}

variable "utilization_alarm_percent" {
  description = "Alarm when a service's average CPU or memory utilisation exceeds this."
  type        = number
  default     = 85

  validation {
    condition     = var.utilization_alarm_percent > 0 && var.utilization_alarm_percent <= 100
    error_message = "Give a percentage in (0, 100]."
  }
}
