locals {
  # One scalable target per table or index and dimension: "orders:read", "pending-orders:write", ...
  scaled = local.provisioned ? merge([
    for name, capacity in var.capacity : {
      for dimension in ["read", "write"] : "${name}:${dimension}" => {
        resource_id = name == "pending-orders" ? "table/${aws_dynamodb_table.this["orders"].name}/index/pending-orders" : "table/${aws_dynamodb_table.this[name].name}"
        dimension   = "dynamodb:${name == "pending-orders" ? "index" : "table"}:${dimension == "read" ? "ReadCapacityUnits" : "WriteCapacityUnits"}"
        metric      = "DynamoDB${dimension == "read" ? "Read" : "Write"}CapacityUtilization"
        min         = dimension == "read" ? capacity.min_read : capacity.min_write
        max         = dimension == "read" ? capacity.max_read : capacity.max_write
      }
    }
  ]...) : {}
}

resource "aws_appautoscaling_target" "this" {
  for_each = local.scaled

  service_namespace  = "dynamodb"
  resource_id        = each.value.resource_id
  scalable_dimension = each.value.dimension
  min_capacity       = each.value.min
  max_capacity       = each.value.max
}

resource "aws_appautoscaling_policy" "this" {
  for_each = local.scaled

  name               = "${var.name_prefix}-${replace(each.key, ":", "-")}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[each.key].service_namespace
  resource_id        = aws_appautoscaling_target.this[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.this[each.key].scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = var.utilization_target_percent

    predefined_metric_specification {
      predefined_metric_type = each.value.metric
    }
  }
}
