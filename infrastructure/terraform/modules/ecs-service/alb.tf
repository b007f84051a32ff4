locals {
  public = var.load_balancer != null
  https  = local.public && try(var.load_balancer.certificate_arn, null) != null
}

resource "aws_lb" "this" {
  count = local.public ? 1 : 0

  name                       = local.family
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = var.load_balancer.subnet_ids
  security_groups            = [var.load_balancer.security_group_id]
  drop_invalid_header_fields = true
  enable_deletion_protection = var.load_balancer.deletion_protection
  idle_timeout               = 30
}

resource "aws_lb_target_group" "this" {
  count = local.public ? 1 : 0

  name        = local.family
  port        = var.container_port
  protocol    = "HTTP"
  target_type = "instance"
  vpc_id      = var.load_balancer.vpc_id
  # Longer than a request's deadline, shorter than the default 300 s: a deployment waits this long per task.
  deregistration_delay = 15

  # The path the service is given (the gateway: /livez, ADR 0040), served on the traffic port because with dynamic
  # host ports the ALB cannot reach the management port. The ALB's own checks go to the targets directly, past the
  # listener rule below.
  health_check {
    path                = var.load_balancer.health_check_path
    port                = "traffic-port"
    protocol            = "HTTP"
    matcher             = "200"
    interval            = 10
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener" "http" {
  count = local.public ? 1 : 0

  load_balancer_arn = aws_lb.this[0].arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = local.https ? "redirect" : "forward"
    target_group_arn = local.https ? null : aws_lb_target_group.this[0].arn

    dynamic "redirect" {
      for_each = local.https ? ["https"] : []

      content {
        port        = "443"
        protocol    = "HTTPS"
        status_code = "HTTP_301"
      }
    }
  }
}

resource "aws_lb_listener" "https" {
  count = local.https ? 1 : 0

  load_balancer_arn = aws_lb.this[0].arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.load_balancer.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this[0].arn
  }
}

# The probes on the application port are for the load balancer's checks only: their answers name tables and exception
# classes (design.md promises clients none), and /readyz calls DescribeTable on every request.
resource "aws_lb_listener_rule" "hide_probes" {
  count = local.public ? 1 : 0

  listener_arn = local.https ? aws_lb_listener.https[0].arn : aws_lb_listener.http[0].arn
  priority     = 1

  action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "Not Found"
      status_code  = "404"
    }
  }

  condition {
    path_pattern {
      values = ["/livez", "/livez/*", "/readyz", "/readyz/*"]
    }
  }
}
