variable "name_prefix" {
  description = "Name prefix of every resource, orderflow-<env>."
  type        = string

  validation {
    condition     = can(regex("^orderflow-[a-z0-9]+$", var.name_prefix))
    error_message = "The prefix must be orderflow-<env>."
  }
}

variable "service_name" {
  description = "Name of the service and its container (design.md): order-gateway or order-processor."
  type        = string

  validation {
    condition     = contains(["order-gateway", "order-processor"], var.service_name)
    error_message = "The service is order-gateway or order-processor."
  }
}

variable "cluster_arn" {
  description = "ARN of the ECS cluster."
  type        = string
}

variable "cluster_name" {
  description = "Name of the ECS cluster (service autoscaling addresses the service by it)."
  type        = string
}

variable "capacity_provider_name" {
  description = "EC2 capacity provider the tasks are placed with."
  type        = string
}

variable "image_repository_url" {
  description = "ECR repository URL of the service's image, without a tag."
  type        = string
}

variable "image_tag" {
  description = "Immutable tag of the image to run (the commit it was built from). Terraform owns the task definition, so this is the one way to deploy a new image (ADR 0030)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.image_tag)) && var.image_tag != "latest"
    error_message = "Give an immutable image tag such as a commit id; latest is not one."
  }
}

variable "container_port" {
  description = "Application port inside the container (SERVER_PORT)."
  type        = number

  validation {
    condition     = var.container_port > 1024 && var.container_port < 32768
    error_message = "The application port must be a non-privileged port below the dynamic host port range."
  }
}

variable "management_port" {
  description = "Actuator port inside the container (MANAGEMENT_SERVER_PORT); the container health check calls its liveness probe. Not published on the host."
  type        = number

  validation {
    condition     = var.management_port > 1024 && var.management_port < 32768
    error_message = "The management port must be a non-privileged port below the dynamic host port range."
  }
}

variable "environment" {
  description = "Environment variables of the container, from design.md's configuration table."
  type        = map(string)
}

variable "cpu" {
  description = "CPU units reserved for the container (1024 = one vCPU). In bridge mode on EC2 this is a share for placement and contention, not a cap."
  type        = number

  validation {
    condition     = var.cpu >= 128 && var.cpu <= 2048
    error_message = "cpu must be between 128 and 2048 units."
  }
}

variable "memory_reservation" {
  description = "Soft memory limit in MiB, used for placement: the measured peak RSS under load plus headroom (docs/performance.md)."
  type        = number

  validation {
    condition     = var.memory_reservation >= 256
    error_message = "The services peak near 240 MiB RSS under load; reserve at least 256 MiB."
  }
}

variable "memory" {
  description = "Hard memory limit in MiB: the container is killed above it."
  type        = number

  validation {
    condition     = var.memory >= 256 && var.memory <= 768
    error_message = "memory must be between 256 and 768 MiB (a t3.micro has 1 GiB for two services and the ECS agent)."
  }
}

variable "stop_timeout" {
  description = "Seconds between SIGTERM and SIGKILL: the services' graceful shutdown phase is 10 s (spring.lifecycle.timeout-per-shutdown-phase), plus the JVM's own exit."
  type        = number
  default     = 15

  validation {
    condition     = var.stop_timeout > 10 && var.stop_timeout <= 120
    error_message = "stop_timeout must exceed the 10 s graceful shutdown phase, at most 120 s."
  }
}

variable "desired_count" {
  description = "Tasks at creation; afterwards service autoscaling owns the count."
  type        = number
  default     = 1
}

variable "autoscaling" {
  description = "Service autoscaling by target tracking on the service's average CPU utilisation."
  type = object({
    min_count          = number
    max_count          = number
    cpu_target_percent = number
  })

  validation {
    condition     = var.autoscaling.min_count >= 1 && var.autoscaling.min_count <= var.autoscaling.max_count && var.autoscaling.cpu_target_percent > 0 && var.autoscaling.cpu_target_percent <= 100
    error_message = "Need 1 <= min_count <= max_count and a CPU target in (0, 100]."
  }
}

variable "execution_role_arn" {
  description = "Role the ECS agent uses to pull the image and write the logs."
  type        = string
}

variable "task_role_arn" {
  description = "Role the application runs with: its DynamoDB permissions."
  type        = string
}

variable "log_group_name" {
  description = "CloudWatch Logs group the container writes to (created by the composing module, so the execution role can be limited to it)."
  type        = string
}

variable "enable_execute_command" {
  description = "Allow ECS Exec into the containers. Off by default: it opens a shell path into production."
  type        = bool
  default     = false
}

variable "discovery" {
  description = "Register the tasks in this Cloud Map namespace as DNS SRV records (bridge mode gives random host ports, so only SRV carries the port). Null registers nothing."
  type = object({
    namespace_id = string
  })
  default = null
}

variable "load_balancer" {
  description = "Put a public ALB in front of the service. HTTPS when certificate_arn is given (HTTP then redirects to it). Null for an internal service."
  type = object({
    vpc_id              = string
    subnet_ids          = list(string)
    security_group_id   = string
    health_check_path   = string
    certificate_arn     = optional(string)
    deletion_protection = optional(bool, false)
  })
  default = null

  validation {
    condition     = var.load_balancer == null || contains(["/readyz", "/livez"], try(var.load_balancer.health_check_path, ""))
    error_message = "With dynamic host ports the ALB can only check the traffic port: use /livez (or /readyz) on the application port."
  }
}
