resource "aws_security_group" "alb" {
  name        = "${var.name}-alb"
  description = "Public load balancer of the order gateway"
  vpc_id      = aws_vpc.this.id

  tags = { Name = "${var.name}-alb" }
}

resource "aws_vpc_security_group_ingress_rule" "alb_listener" {
  for_each = toset([for port in var.alb_listener_ports : tostring(port)])

  security_group_id = aws_security_group.alb.id
  description       = "Clients of the order gateway"
  ip_protocol       = "tcp"
  from_port         = tonumber(each.key)
  to_port           = tonumber(each.key)
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "alb_to_instances" {
  security_group_id            = aws_security_group.alb.id
  description                  = "To the gateway containers on their dynamic host ports"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port_range.from
  to_port                      = var.container_port_range.to
  referenced_security_group_id = aws_security_group.instances.id
}

resource "aws_security_group" "instances" {
  name        = "${var.name}-instances"
  description = "ECS container instances: only the ALB and each other reach the containers"
  vpc_id      = aws_vpc.this.id

  tags = { Name = "${var.name}-instances" }
}

resource "aws_vpc_security_group_ingress_rule" "instances_from_alb" {
  security_group_id            = aws_security_group.instances.id
  description                  = "The ALB to the gateway containers"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port_range.from
  to_port                      = var.container_port_range.to
  referenced_security_group_id = aws_security_group.alb.id
}

resource "aws_vpc_security_group_ingress_rule" "instances_from_instances" {
  security_group_id            = aws_security_group.instances.id
  description                  = "The gateway to the processor, found by DNS SRV on another (or the same) instance"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port_range.from
  to_port                      = var.container_port_range.to
  referenced_security_group_id = aws_security_group.instances.id
}

resource "aws_vpc_security_group_egress_rule" "instances_to_instances" {
  security_group_id            = aws_security_group.instances.id
  description                  = "The gateway to the processor"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port_range.from
  to_port                      = var.container_port_range.to
  referenced_security_group_id = aws_security_group.instances.id
}

# AWS APIs (ECS agent, ECR, CloudWatch Logs, DynamoDB through its gateway endpoint) are all HTTPS. DNS and the
# metadata endpoints are not filtered by security groups.
resource "aws_vpc_security_group_egress_rule" "instances_https" {
  security_group_id = aws_security_group.instances.id
  description       = "HTTPS to AWS APIs"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}
