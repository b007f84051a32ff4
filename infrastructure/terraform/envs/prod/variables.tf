variable "aws_region" {
  description = "Region to deploy to; its a and b availability zones are used."
  type        = string
  default     = "eu-west-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.aws_region))
    error_message = "Give a region name such as eu-west-1."
  }
}

variable "image_tag" {
  description = "Image tag (the commit id the images were built from) both services run. No default on purpose: every apply states what it deploys (ADR 0030)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.image_tag)) && var.image_tag != "latest"
    error_message = "Give an immutable image tag such as a commit id; latest is not one."
  }
}

variable "alarm_email" {
  description = "Address the alarms are mailed to; null for none."
  type        = string
  default     = null
}

variable "certificate_arn" {
  description = "ACM certificate ARN for HTTPS on the load balancer; null serves HTTP only."
  type        = string
  default     = null

  validation {
    condition     = var.certificate_arn == null || can(regex("^arn:aws[a-z-]*:acm:", var.certificate_arn))
    error_message = "Give an ACM certificate ARN or null."
  }
}
