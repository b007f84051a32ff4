resource "aws_cloudwatch_metric_alarm" "cpu_high" {
  for_each = var.service_names

  alarm_name          = "${var.name_prefix}-${each.key}-cpu-high"
  alarm_description   = "${each.key} uses more CPU than it reserves; autoscaling should already be adding tasks."
  namespace           = "AWS/ECS"
  metric_name         = "CPUUtilization"
  dimensions          = { ClusterName = var.cluster_name, ServiceName = each.key }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = var.utilization_alarm_percent
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "missing"
  alarm_actions       = local.actions
  ok_actions          = local.actions
}

resource "aws_cloudwatch_metric_alarm" "memory_high" {
  for_each = var.service_names

  alarm_name          = "${var.name_prefix}-${each.key}-memory-high"
  alarm_description   = "${each.key} is near its memory reservation; above the hard limit the container is killed."
  namespace           = "AWS/ECS"
  metric_name         = "MemoryUtilization"
  dimensions          = { ClusterName = var.cluster_name, ServiceName = each.key }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  threshold           = var.utilization_alarm_percent
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "missing"
  alarm_actions       = local.actions
  ok_actions          = local.actions
}

# Task counts come from Container Insights; without it (dev) the ECS events below still report tasks that cannot
# be placed or keep failing.
resource "aws_cloudwatch_metric_alarm" "running_below_desired" {
  for_each = var.container_insights ? var.service_names : toset([])

  alarm_name          = "${var.name_prefix}-${each.key}-running-below-desired"
  alarm_description   = "${each.key} runs fewer tasks than desired for 10 minutes."
  evaluation_periods  = 10
  threshold           = 0
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions

  metric_query {
    id          = "gap"
    expression  = "running - desired"
    label       = "running minus desired tasks"
    return_data = true
  }

  metric_query {
    id = "running"

    metric {
      namespace   = "ECS/ContainerInsights"
      metric_name = "RunningTaskCount"
      dimensions  = { ClusterName = var.cluster_name, ServiceName = each.key }
      stat        = "Minimum"
      period      = 60
    }
  }

  metric_query {
    id = "desired"

    metric {
      namespace   = "ECS/ContainerInsights"
      metric_name = "DesiredTaskCount"
      dimensions  = { ClusterName = var.cluster_name, ServiceName = each.key }
      stat        = "Maximum"
      period      = 60
    }
  }
}

locals {
  # Deployment state changes carry no clusterArn in their detail; both kinds name the service's ARN in resources.
  ecs_failure_events = {
    source      = ["aws.ecs"]
    detail-type = ["ECS Deployment State Change", "ECS Service Action"]
    resources   = [{ prefix = "arn:${data.aws_partition.current.partition}:ecs:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:service/${var.cluster_name}/" }]
    detail = {
      eventType = ["ERROR", "WARN"]
    }
  }
}

resource "aws_cloudwatch_event_rule" "ecs_failures" {
  name          = "${var.name_prefix}-ecs-failures"
  description   = "Deployments that failed (and were rolled back) and tasks ECS could not place."
  event_pattern = jsonencode(local.ecs_failure_events)
}

resource "aws_cloudwatch_event_target" "ecs_failures" {
  rule = aws_cloudwatch_event_rule.ecs_failures.name
  arn  = aws_sns_topic.alarms.arn
}
