data "aws_partition" "current" {}

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

locals {
  ecs_arn_prefix      = "arn:${data.aws_partition.current.partition}:ecs:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}"
  cluster_arn         = "${local.ecs_arn_prefix}:cluster/${var.cluster_name}"
  container_instances = "${local.ecs_arn_prefix}:container-instance/${var.cluster_name}"
  # Made by the bootstrap (modules/github-oidc/boundary.tf); the deploy role may create roles only with it.
  permissions_boundary = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:policy/${var.name_prefix}-role-boundary"
}

data "aws_iam_policy_document" "ecs_tasks_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

# Execution role: what the ECS agent does on a task's behalf (pull the image, ship the logs), nothing more.
resource "aws_iam_role" "execution" {
  name                 = "${var.name_prefix}-task-execution"
  assume_role_policy   = data.aws_iam_policy_document.ecs_tasks_trust.json
  permissions_boundary = local.permissions_boundary
}

data "aws_iam_policy_document" "execution" {
  statement {
    sid = "EcrLogin"
    # GetAuthorizationToken has no resource-level permissions.
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid       = "PullImages"
    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    resources = var.image_repository_arns
  }

  statement {
    sid       = "WriteLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = [for arn in var.log_group_arns : "${arn}:log-stream:*"]
  }
}

resource "aws_iam_role_policy" "execution" {
  name   = "pull-and-log"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

# Instance role: what the ECS agent needs to join the cluster and report on its tasks. Written out instead of
# AmazonEC2ContainerServiceforEC2Role, which also grants ECR, logs and cluster creation the agent does not use here
# (the execution role pulls and logs).
data "aws_iam_policy_document" "ec2_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "instance" {
  name                 = "${var.name_prefix}-ecs-instance"
  assume_role_policy   = data.aws_iam_policy_document.ec2_trust.json
  permissions_boundary = local.permissions_boundary
}

data "aws_iam_policy_document" "instance" {
  statement {
    sid       = "JoinCluster"
    actions   = ["ecs:RegisterContainerInstance", "ecs:DeregisterContainerInstance", "ecs:SubmitAttachmentStateChanges", "ecs:SubmitContainerStateChange", "ecs:SubmitTaskStateChange"]
    resources = [local.cluster_arn]
  }

  statement {
    sid       = "ReportAsContainerInstance"
    actions   = ["ecs:Poll", "ecs:StartTelemetrySession"]
    resources = ["${local.container_instances}/*"]
  }

  statement {
    sid = "FindEndpoints"
    # DiscoverPollEndpoint has no resource-level permissions.
    actions   = ["ecs:DiscoverPollEndpoint"]
    resources = ["*"]
  }

  statement {
    sid       = "TagOnRegistration"
    actions   = ["ecs:TagResource"]
    resources = ["${local.container_instances}/*"]

    condition {
      test     = "StringEquals"
      variable = "ecs:CreateAction"
      values   = ["RegisterContainerInstance"]
    }
  }
}

resource "aws_iam_role_policy" "instance" {
  name   = "ecs-container-instance"
  role   = aws_iam_role.instance.id
  policy = data.aws_iam_policy_document.instance.json
}

resource "aws_iam_instance_profile" "instance" {
  name = "${var.name_prefix}-ecs-instance"
  role = aws_iam_role.instance.name
}
