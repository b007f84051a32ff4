# The permissions boundary of every role an environment's Terraform creates (modules/iam): the actions those roles
# need (the ECS agent's, pulling images, writing logs, the services' DynamoDB calls through the table key, ECS Exec's
# channel) and nothing else, in particular nothing of IAM. Made here, by the bootstrap, so that the deploy role
# that must attach it (write_policy.tf) cannot change it. Each role's own policy narrows it further.
data "aws_iam_policy_document" "boundary" {
  statement {
    sid = "EnvironmentRolesAtMost"
    actions = [
      "dynamodb:ConditionCheckItem",
      "dynamodb:DeleteItem",
      "dynamodb:DescribeTable",
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:Query",
      "dynamodb:UpdateItem",
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:GetAuthorizationToken",
      "ecr:GetDownloadUrlForLayer",
      "ecs:DeregisterContainerInstance",
      "ecs:DiscoverPollEndpoint",
      "ecs:Poll",
      "ecs:RegisterContainerInstance",
      "ecs:StartTelemetrySession",
      "ecs:SubmitAttachmentStateChanges",
      "ecs:SubmitContainerStateChange",
      "ecs:SubmitTaskStateChange",
      "ecs:TagResource",
      "kms:Decrypt",
      "kms:Encrypt",
      "kms:GenerateDataKey",
      "logs:CreateLogStream",
      "logs:PutLogEvents",
      "ssmmessages:CreateControlChannel",
      "ssmmessages:CreateDataChannel",
      "ssmmessages:OpenControlChannel",
      "ssmmessages:OpenDataChannel",
    ]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = [data.aws_region.current.region]
    }
  }
}

resource "aws_iam_policy" "boundary" {
  # modules/iam finds it by this name.
  name        = "${local.prefix}-role-boundary"
  description = "Permissions boundary of the ${var.environment} environment's roles."
  policy      = data.aws_iam_policy_document.boundary.json
}
