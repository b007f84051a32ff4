locals {
  family = "${var.name_prefix}-${var.service_name}"

  # The images hold no shell, curl or wget (containers/jre/Dockerfile), so the check is a second JVM from the
  # service's own class path (app.jar's manifest lists /app/lib, where bootstrap-common's jar lands) running a
  # plain-socket GET of the liveness group. The image's JAVA_TOOL_OPTIONS apply to it too. Measured with the gateway
  # image's layout and flags (JDK 17, /usr/bin/time -v): 39 MiB peak RSS and 0.1 s of CPU per run, so a check during
  # the 240 MiB peak stays under the 320 MiB hard limit, and one every 30 s costs 0.3 % of a vCPU. The management
  # port is not published, so only a check inside the container can reach it.
  health_check_command = [
    "CMD", "java", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", "/app/app.jar", "dev.orderflow.LivenessProbe",
    "${var.management_port}",
  ]

  container = {
    name              = var.service_name
    image             = "${var.image_repository_url}:${var.image_tag}"
    essential         = true
    cpu               = var.cpu
    memory            = var.memory
    memoryReservation = var.memory_reservation
    portMappings = [{
      containerPort = var.container_port
      hostPort      = 0
      protocol      = "tcp"
    }]
    environment            = [for name in sort(keys(var.environment)) : { name = name, value = var.environment[name] }]
    user                   = "10001:10001"
    readonlyRootFilesystem = true
    stopTimeout            = var.stop_timeout
    linuxParameters = {
      initProcessEnabled = true
      tmpfs = [{
        containerPath = "/tmp"
        size          = 64
        mountOptions  = ["noexec", "nosuid", "nodev"]
      }]
    }
    healthCheck = {
      command     = local.health_check_command
      interval    = 30
      timeout     = 5
      retries     = 3
      startPeriod = 90
    }
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = var.log_group_name
        awslogs-region        = data.aws_region.current.region
        awslogs-stream-prefix = "ecs"
        mode                  = "non-blocking"
        max-buffer-size       = "4m"
      }
    }
  }
}

data "aws_region" "current" {}

resource "aws_ecs_task_definition" "this" {
  family                   = local.family
  network_mode             = "bridge"
  requires_compatibilities = ["EC2"]
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = var.task_role_arn
  container_definitions    = jsonencode([local.container])
}

resource "aws_ecs_service" "this" {
  name                               = var.service_name
  cluster                            = var.cluster_arn
  task_definition                    = aws_ecs_task_definition.this.arn
  desired_count                      = var.desired_count
  enable_execute_command             = var.enable_execute_command
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = var.load_balancer == null ? null : 120
  enable_ecs_managed_tags            = true
  propagate_tags                     = "SERVICE"

  capacity_provider_strategy {
    capacity_provider = var.capacity_provider_name
    weight            = 1
    base              = 0
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  ordered_placement_strategy {
    type  = "spread"
    field = "attribute:ecs.availability-zone"
  }

  ordered_placement_strategy {
    type  = "binpack"
    field = "memory"
  }

  dynamic "load_balancer" {
    for_each = var.load_balancer == null ? [] : [var.load_balancer]

    content {
      target_group_arn = aws_lb_target_group.this[0].arn
      container_name   = var.service_name
      container_port   = var.container_port
    }
  }

  dynamic "service_registries" {
    for_each = var.discovery == null ? [] : [var.discovery]

    content {
      registry_arn   = aws_service_discovery_service.this[0].arn
      container_name = var.service_name
      container_port = var.container_port
    }
  }

  # Service autoscaling owns the running count once the service exists.
  lifecycle {
    ignore_changes = [desired_count]
  }

  depends_on = [aws_lb_listener.http, aws_lb_listener.https]
}

resource "aws_service_discovery_service" "this" {
  count = var.discovery == null ? 0 : 1

  name = var.service_name

  dns_config {
    namespace_id   = var.discovery.namespace_id
    routing_policy = "MULTIVALUE"

    dns_records {
      type = "SRV"
      ttl  = 10
    }
  }

  # ECS reports the container health check's verdict, so a stopped or unhealthy task leaves DNS.
  health_check_custom_config {
    failure_threshold = 1
  }
}

resource "aws_appautoscaling_target" "this" {
  service_namespace  = "ecs"
  resource_id        = "service/${var.cluster_name}/${aws_ecs_service.this.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.autoscaling.min_count
  max_capacity       = var.autoscaling.max_count
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${local.family}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling.cpu_target_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
