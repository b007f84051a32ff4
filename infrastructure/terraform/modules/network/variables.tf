variable "name" {
  description = "Name prefix of every resource, orderflow-<env>."
  type        = string

  validation {
    condition     = can(regex("^orderflow-[a-z0-9]+$", var.name))
    error_message = "The name must be orderflow-<env> (design.md's Terraform name prefix)."
  }
}

variable "cidr_block" {
  description = "IPv4 range of the VPC; each subnet takes a /20 of it."
  type        = string
  default     = "10.40.0.0/16"

  validation {
    condition     = can(cidrhost(var.cidr_block, 0)) && tonumber(split("/", var.cidr_block)[1]) <= 18
    error_message = "The VPC range must be a valid IPv4 CIDR block of /18 or larger (four /20 subnets)."
  }
}

variable "availability_zones" {
  description = "Exactly two availability zones: the ALB needs two, and more would only add subnets and NAT hours."
  type        = list(string)

  validation {
    condition     = length(var.availability_zones) == 2 && length(distinct(var.availability_zones)) == 2
    error_message = "Give two different availability zones."
  }
}

variable "private_instances" {
  description = "Run the container instances in private subnets (prod). False puts them in the public subnets, reached only by the ALB's security group, so that no NAT gateway is needed (dev, free tier)."
  type        = bool
}

variable "nat_gateways" {
  description = "NAT gateways for the private subnets: none, single (one zone, cheaper, not zone-redundant) or per_az. Must be none when private_instances is false."
  type        = string
  default     = "none"

  validation {
    condition     = contains(["none", "single", "per_az"], var.nat_gateways)
    error_message = "nat_gateways must be none, single or per_az."
  }

  # Private instances without a NAT gateway would need six interface endpoints (about twice a NAT gateway's
  # price, docs/aws.md); public instances behind a NAT gateway would pay for one they do not use.
  validation {
    condition     = var.private_instances == (var.nat_gateways != "none")
    error_message = "Private instances need a NAT gateway (single or per_az); public instances need none."
  }
}

variable "container_port_range" {
  description = "Host ports Docker gives to containers with a dynamic host port (bridge mode, hostPort 0): the ALB and the gateway reach tasks on these."
  type = object({
    from = number
    to   = number
  })
  default = {
    from = 32768
    to   = 65535
  }

  validation {
    condition     = var.container_port_range.from >= 1024 && var.container_port_range.from <= var.container_port_range.to && var.container_port_range.to <= 65535
    error_message = "The range must lie within 1024-65535, from <= to."
  }
}

variable "alb_listener_ports" {
  description = "Ports the public load balancer listens on: the only ingress open to the internet."
  type        = list(number)
  default     = [80, 443]

  validation {
    condition     = alltrue([for port in var.alb_listener_ports : contains([80, 443], port)])
    error_message = "Only 80 and 443 may be opened to the internet."
  }
}
