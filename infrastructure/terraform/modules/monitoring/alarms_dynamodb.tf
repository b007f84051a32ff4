resource "aws_cloudwatch_metric_alarm" "dynamodb_throttling" {
  for_each = var.table_names

  alarm_name          = "${var.name_prefix}-${each.key}-throttled"
  alarm_description   = "Requests to ${each.key} are throttled: the services answer 503 fast (their DynamoDB circuit breaker), but orders are being turned away. Raise the capacity (dev) or look for a hot key."
  evaluation_periods  = 2
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions

  metric_query {
    id          = "throttled"
    expression  = "reads + writes"
    label       = "throttled read and write events"
    return_data = true
  }

  metric_query {
    id = "reads"

    metric {
      namespace   = "AWS/DynamoDB"
      metric_name = "ReadThrottleEvents"
      dimensions  = { TableName = each.key }
      stat        = "Sum"
      period      = 60
    }
  }

  metric_query {
    id = "writes"

    metric {
      namespace   = "AWS/DynamoDB"
      metric_name = "WriteThrottleEvents"
      dimensions  = { TableName = each.key }
      stat        = "Sum"
      period      = 60
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "dynamodb_system_errors" {
  for_each = var.table_names

  alarm_name          = "${var.name_prefix}-${each.key}-system-errors"
  alarm_description   = "DynamoDB answers 500s on ${each.key} (its side, not ours); the services retry and then fail fast."
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions

  # SystemErrors is published per table and operation; the query adds the operations up.
  metric_query {
    id          = "errors"
    expression  = "SELECT SUM(SystemErrors) FROM SCHEMA(\"AWS/DynamoDB\", Operation, TableName) WHERE TableName = '${each.key}'"
    period      = 300
    label       = "DynamoDB system errors"
    return_data = true
  }
}
