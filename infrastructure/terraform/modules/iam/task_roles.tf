# One role per service with exactly the DynamoDB actions its adapters call, on its own tables: checked against
# infrastructure/terraform/dynamodb-access.json, which the end-to-end suite records (DynamoDbAccessIT).
# TransactWriteItems is authorised per item: UpdateItem on inventory, PutItem on reservations.

resource "aws_iam_role" "gateway_task" {
  name                 = "${var.name_prefix}-order-gateway-task"
  assume_role_policy   = data.aws_iam_policy_document.ecs_tasks_trust.json
  permissions_boundary = local.permissions_boundary
}

data "aws_iam_policy_document" "gateway_tables" {
  statement {
    sid       = "Orders"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem"]
    resources = [var.table_arns.orders]
  }

  statement {
    sid       = "PendingOrdersForRecovery"
    actions   = ["dynamodb:Query"]
    resources = [var.pending_orders_index_arn]
  }

  statement {
    sid       = "ReadinessProbe"
    actions   = ["dynamodb:DescribeTable"]
    resources = [var.table_arns.orders]
  }
}

resource "aws_iam_role_policy" "gateway_tables" {
  name   = "orders-table"
  role   = aws_iam_role.gateway_task.id
  policy = data.aws_iam_policy_document.gateway_tables.json
}

resource "aws_iam_role" "processor_task" {
  name                 = "${var.name_prefix}-order-processor-task"
  assume_role_policy   = data.aws_iam_policy_document.ecs_tasks_trust.json
  permissions_boundary = local.permissions_boundary
}

data "aws_iam_policy_document" "processor_tables" {
  statement {
    sid       = "Inventory"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]
    resources = [var.table_arns.inventory]
  }

  statement {
    sid       = "Reservations"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem"]
    resources = [var.table_arns.reservations]
  }

  statement {
    sid       = "ReadinessProbe"
    actions   = ["dynamodb:DescribeTable"]
    resources = [var.table_arns.inventory, var.table_arns.reservations]
  }
}

resource "aws_iam_role_policy" "processor_tables" {
  name   = "inventory-tables"
  role   = aws_iam_role.processor_task.id
  policy = data.aws_iam_policy_document.processor_tables.json
}

# With a customer managed key, the callers of an encrypted table need to use the key too, and only through
# DynamoDB.
data "aws_iam_policy_document" "table_key" {
  count = var.table_kms_key_arn == null ? 0 : 1

  statement {
    sid       = "TableKeyThroughDynamoDb"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"]
    resources = [var.table_kms_key_arn]

    condition {
      test     = "StringLike"
      variable = "kms:ViaService"
      values   = ["dynamodb.*.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "table_key" {
  for_each = var.table_kms_key_arn == null ? {} : {
    gateway   = aws_iam_role.gateway_task.id
    processor = aws_iam_role.processor_task.id
  }

  name   = "table-key"
  role   = each.value
  policy = data.aws_iam_policy_document.table_key[0].json
}

# ECS Exec opens an SSM channel from inside the task; only when it is switched on.
data "aws_iam_policy_document" "execute_command" {
  count = var.enable_execute_command ? 1 : 0

  statement {
    sid = "EcsExecChannel"
    # The SSM message channel actions have no resource-level permissions.
    actions   = ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "execute_command" {
  for_each = var.enable_execute_command ? {
    gateway   = aws_iam_role.gateway_task.id
    processor = aws_iam_role.processor_task.id
  } : {}

  name   = "ecs-exec"
  role   = each.value
  policy = data.aws_iam_policy_document.execute_command[0].json
}
