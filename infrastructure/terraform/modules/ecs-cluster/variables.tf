variable "name" {
  description = "Name prefix of every resource, orderflow-<env>."
  type        = string

  validation {
    condition     = can(regex("^orderflow-[a-z0-9]+$", var.name))
    error_message = "The name must be orderflow-<env>."
  }
}

variable "instance_type" {
  description = "EC2 instance type of the container instances. Limited to the x86 types of the 12-month free tier (750 hours a month); the images are built for amd64."
  type        = string
  default     = "t3.micro"

  validation {
    condition     = contains(["t2.micro", "t3.micro"], var.instance_type)
    error_message = "Use a free-tier x86 type: t2.micro or t3.micro."
  }
}

variable "subnet_ids" {
  description = "Subnets the Auto Scaling group launches instances into, one per availability zone."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "Give at least two subnets (two availability zones)."
  }
}

variable "security_group_ids" {
  description = "Security groups of the container instances."
  type        = list(string)
}

variable "assign_public_ip" {
  description = "Give instances a public IP: needed in public subnets without a NAT gateway, to reach the AWS APIs."
  type        = bool
}

variable "instance_profile_arn" {
  description = "ARN of the instance profile with the ECS container-instance permissions."
  type        = string
}

variable "min_size" {
  description = "Fewest instances. One t3.micro running all month uses the free tier's 750 hours."
  type        = number
  default     = 1

  validation {
    condition     = var.min_size >= 0
    error_message = "min_size cannot be negative."
  }
}

variable "max_size" {
  description = "Most instances managed scaling may start (for deployments and service autoscaling)."
  type        = number
  default     = 2

  validation {
    condition     = var.max_size >= 1 && var.max_size <= 10
    error_message = "max_size must be between 1 and 10."
  }
}

variable "root_volume_size" {
  description = "Root volume in GiB (gp3, encrypted). The ECS-optimized AL2023 AMI's snapshot is 30 GiB, its minimum; the free tier covers 30 GiB of EBS in total."
  type        = number
  default     = 30

  validation {
    condition     = var.root_volume_size >= 30
    error_message = "The AMI's snapshot needs at least 30 GiB."
  }
}

variable "container_insights" {
  description = "Container Insights for the cluster (billed as custom metrics and logs): off in dev, on in prod."
  type        = bool
}

variable "unlimited_cpu_credits" {
  description = "Let burstable instances run above their baseline for a surplus charge. Off keeps t3 instances within the free tier: they are throttled to the baseline instead."
  type        = bool
  default     = false
}
