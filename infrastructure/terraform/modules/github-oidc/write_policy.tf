# What terraform apply changes, and the image push. Everything that names its resources is limited to the
# environment's name prefix; EC2's resources have generated ids, so their changes are limited by the Environment tag
# (every root's default_tags set it) and only their creation is open, in the region. So a dev role cannot touch prod.
locals {
  region = data.aws_region.current.region
  # The Service Authorization Reference's resource ARNs for what this environment's Terraform names.
  ecs_arn = "${local.arn}:ecs:${local.region}:${local.account}"
  elb_arn = "${local.arn}:elasticloadbalancing:${local.region}:${local.account}"
}

data "aws_iam_policy_document" "write" {
  statement {
    sid = "NetworkCreate"
    actions = [
      "ec2:AllocateAddress",
      "ec2:CreateInternetGateway",
      "ec2:CreateLaunchTemplate",
      "ec2:CreateNatGateway",
      "ec2:CreateRouteTable",
      "ec2:CreateSecurityGroup",
      "ec2:CreateSubnet",
      "ec2:CreateVpc",
      "ec2:CreateVpcEndpoint",
      "ec2:RunInstances",
    ]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = [local.region]
    }
  }

  # Tags in the create call itself (the provider's default_tags); later tag changes fall under NetworkChange.
  statement {
    sid       = "NetworkTagOnCreate"
    actions   = ["ec2:CreateTags"]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "ec2:CreateAction"
      values = [
        "AllocateAddress", "CreateInternetGateway", "CreateLaunchTemplate", "CreateLaunchTemplateVersion",
        "CreateNatGateway", "CreateRouteTable", "CreateSecurityGroup", "CreateSubnet", "CreateVpc",
        "CreateVpcEndpoint", "RunInstances", "AuthorizeSecurityGroupEgress", "AuthorizeSecurityGroupIngress",
      ]
    }
  }

  statement {
    sid = "NetworkChange"
    actions = [
      "ec2:AssociateRouteTable",
      "ec2:AttachInternetGateway",
      "ec2:AuthorizeSecurityGroupEgress",
      "ec2:AuthorizeSecurityGroupIngress",
      "ec2:CreateLaunchTemplateVersion",
      "ec2:CreateRoute",
      "ec2:CreateTags",
      "ec2:DeleteInternetGateway",
      "ec2:DeleteLaunchTemplate",
      "ec2:DeleteNatGateway",
      "ec2:DeleteRoute",
      "ec2:DeleteRouteTable",
      "ec2:DeleteSecurityGroup",
      "ec2:DeleteSubnet",
      "ec2:DeleteTags",
      "ec2:DeleteVpc",
      "ec2:DeleteVpcEndpoints",
      "ec2:DetachInternetGateway",
      "ec2:DisassociateAddress",
      "ec2:DisassociateRouteTable",
      "ec2:ModifyLaunchTemplate",
      "ec2:ModifySecurityGroupRules",
      "ec2:ModifySubnetAttribute",
      "ec2:ModifyVpcAttribute",
      "ec2:ModifyVpcEndpoint",
      "ec2:ReleaseAddress",
      "ec2:ReplaceRoute",
      "ec2:RevokeSecurityGroupEgress",
      "ec2:RevokeSecurityGroupIngress",
      "ec2:UpdateSecurityGroupRuleDescriptionsEgress",
      "ec2:UpdateSecurityGroupRuleDescriptionsIngress",
    ]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = [local.region]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/Environment"
      values   = [var.environment]
    }
  }

  statement {
    sid = "Containers"
    actions = [
      "ecs:CreateCapacityProvider",
      "ecs:CreateCluster",
      "ecs:CreateService",
      "ecs:DeleteCapacityProvider",
      "ecs:DeleteCluster",
      "ecs:DeleteService",
      "ecs:DeleteTaskDefinitions",
      "ecs:PutClusterCapacityProviders",
      "ecs:TagResource",
      "ecs:UntagResource",
      "ecs:UpdateCapacityProvider",
      "ecs:UpdateCluster",
      "ecs:UpdateClusterSettings",
      "ecs:UpdateService",
    ]
    resources = [
      "${local.ecs_arn}:cluster/${local.prefix}",
      "${local.ecs_arn}:capacity-provider/${local.prefix}",
      "${local.ecs_arn}:service/${local.prefix}/*",
      "${local.ecs_arn}:task-definition/${local.prefix}-*:*",
    ]
  }

  statement {
    sid = "TaskDefinitionRevisions"
    # Registering and deregistering revisions have no resource-level permissions; a revision runs only where a
    # service of this environment (above) names it.
    actions   = ["ecs:DeregisterTaskDefinition", "ecs:RegisterTaskDefinition"]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = [local.region]
    }
  }

  statement {
    sid = "LoadBalancing"
    actions = [
      "elasticloadbalancing:AddTags",
      "elasticloadbalancing:CreateListener",
      "elasticloadbalancing:CreateLoadBalancer",
      "elasticloadbalancing:CreateRule",
      "elasticloadbalancing:CreateTargetGroup",
      "elasticloadbalancing:DeleteListener",
      "elasticloadbalancing:DeleteLoadBalancer",
      "elasticloadbalancing:DeleteRule",
      "elasticloadbalancing:DeleteTargetGroup",
      "elasticloadbalancing:ModifyListener",
      "elasticloadbalancing:ModifyLoadBalancerAttributes",
      "elasticloadbalancing:ModifyRule",
      "elasticloadbalancing:ModifyTargetGroup",
      "elasticloadbalancing:ModifyTargetGroupAttributes",
      "elasticloadbalancing:RemoveTags",
      "elasticloadbalancing:SetSecurityGroups",
      "elasticloadbalancing:SetSubnets",
    ]
    resources = [
      "${local.elb_arn}:loadbalancer/app/${local.prefix}-*/*",
      "${local.elb_arn}:listener/app/${local.prefix}-*/*",
      "${local.elb_arn}:listener-rule/app/${local.prefix}-*/*",
      "${local.elb_arn}:targetgroup/${local.prefix}-*/*",
    ]
  }

  statement {
    sid = "Instances"
    actions = [
      "autoscaling:CancelInstanceRefresh",
      "autoscaling:CreateAutoScalingGroup",
      "autoscaling:CreateOrUpdateTags",
      "autoscaling:DeleteAutoScalingGroup",
      "autoscaling:DeleteTags",
      "autoscaling:SetInstanceProtection",
      "autoscaling:StartInstanceRefresh",
      "autoscaling:UpdateAutoScalingGroup",
    ]
    resources = ["${local.arn}:autoscaling:${local.region}:${local.account}:autoScalingGroup:*:autoScalingGroupName/${local.prefix}"]
  }

  statement {
    sid = "ScalingAndDiscovery"
    actions = [
      "application-autoscaling:DeleteScalingPolicy",
      "application-autoscaling:DeregisterScalableTarget",
      "application-autoscaling:PutScalingPolicy",
      "application-autoscaling:RegisterScalableTarget",
      "application-autoscaling:TagResource",
      "application-autoscaling:UntagResource",
      "servicediscovery:CreatePrivateDnsNamespace",
      "servicediscovery:CreateService",
      "servicediscovery:DeleteNamespace",
      "servicediscovery:DeleteService",
      "servicediscovery:TagResource",
      "servicediscovery:UntagResource",
      "servicediscovery:UpdateService",
      "route53:AssociateVPCWithHostedZone",
      "route53:ChangeResourceRecordSets",
      "route53:CreateHostedZone",
      "route53:DeleteHostedZone",
      "route53:DisassociateVPCFromHostedZone",
      "route53:GetChange",
      "route53:ListHostedZonesByName",
    ]
    # Scalable targets, Cloud Map namespaces and services and hosted zones have generated ids in their ARNs and no
    # name prefix to match; left open within the region (docs/aws.md names this gap).
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = [local.region, "us-east-1"]
    }
  }

  statement {
    sid = "Tables"
    actions = [
      "dynamodb:CreateTable",
      "dynamodb:DeleteTable",
      "dynamodb:TagResource",
      "dynamodb:UntagResource",
      "dynamodb:UpdateContinuousBackups",
      "dynamodb:UpdateTable",
      "dynamodb:UpdateTimeToLive",
    ]
    resources = ["${local.arn}:dynamodb:${local.region}:${local.account}:table/${local.prefix}-*"]
  }

  statement {
    sid = "Observability"
    actions = [
      "cloudwatch:DeleteAlarms",
      "cloudwatch:PutMetricAlarm",
      "cloudwatch:TagResource",
      "cloudwatch:UntagResource",
      "events:DeleteRule",
      "events:PutRule",
      "events:PutTargets",
      "events:RemoveTargets",
      "events:TagResource",
      "events:UntagResource",
      "logs:CreateLogGroup",
      "logs:DeleteLogGroup",
      "logs:DeleteRetentionPolicy",
      "logs:PutRetentionPolicy",
      "logs:TagResource",
      "logs:UntagResource",
      "sns:CreateTopic",
      "sns:DeleteTopic",
      "sns:SetTopicAttributes",
      "sns:Subscribe",
      "sns:TagResource",
      "sns:Unsubscribe",
      "sns:UntagResource",
    ]
    # Application Auto Scaling creates and deletes the target-tracking alarms with the caller's permissions, named
    # TargetTracking-<resource id>-AlarmHigh|AlarmLow-<uuid>: the ECS services' resource ids are
    # service/<cluster>/<service>, the tables' table/<table> and table/<table>/index/<index>.
    resources = [
      "${local.arn}:cloudwatch:${local.region}:${local.account}:alarm:${local.prefix}-*",
      "${local.arn}:cloudwatch:${local.region}:${local.account}:alarm:TargetTracking-service/${local.prefix}/*",
      "${local.arn}:cloudwatch:${local.region}:${local.account}:alarm:TargetTracking-table/${local.prefix}-*",
      "${local.arn}:events:${local.region}:${local.account}:rule/${local.prefix}-*",
      "${local.arn}:logs:${local.region}:${local.account}:log-group:/ecs/${local.prefix}/*",
      "${local.arn}:sns:${local.region}:${local.account}:${local.prefix}-*",
    ]
  }

  # A role this one creates, or gives an inline policy, must carry the environment's permissions boundary, which
  # the bootstrap made and this role cannot change: no deploy can grant a role more than the boundary allows, so
  # it cannot raise its own permissions through a role it then passes or assumes.
  statement {
    sid = "EnvironmentRolesWithinTheBoundary"
    # PutRolePermissionsBoundary: roles made before the boundary existed get it on the next apply.
    actions = ["iam:CreateRole", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy"]
    resources = [
      "${local.arn}:iam::${local.account}:role/${local.prefix}-*",
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PermissionsBoundary"
      values   = [aws_iam_policy.boundary.arn]
    }
  }

  statement {
    sid = "EnvironmentRoles"
    actions = [
      "iam:AddRoleToInstanceProfile",
      "iam:CreateInstanceProfile",
      "iam:DeleteInstanceProfile",
      "iam:DeleteRole",
      "iam:DeleteRolePolicy",
      "iam:RemoveRoleFromInstanceProfile",
      "iam:TagInstanceProfile",
      "iam:TagRole",
      "iam:UntagRole",
      "iam:UpdateAssumeRolePolicy",
      "iam:UpdateRole",
    ]
    resources = [
      "${local.arn}:iam::${local.account}:role/${local.prefix}-*",
      "${local.arn}:iam::${local.account}:instance-profile/${local.prefix}-*",
    ]
  }

  statement {
    sid       = "PassEnvironmentRoles"
    actions   = ["iam:PassRole"]
    resources = ["${local.arn}:iam::${local.account}:role/${local.prefix}-*"]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ec2.amazonaws.com", "ecs-tasks.amazonaws.com"]
    }
  }

  statement {
    sid       = "ServiceLinkedRoles"
    actions   = ["iam:CreateServiceLinkedRole"]
    resources = ["${local.arn}:iam::${local.account}:role/aws-service-role/*"]

    condition {
      test     = "StringEquals"
      variable = "iam:AWSServiceName"
      values   = ["ecs.amazonaws.com", "autoscaling.amazonaws.com", "elasticloadbalancing.amazonaws.com", "ecs.application-autoscaling.amazonaws.com", "dynamodb.application-autoscaling.amazonaws.com"]
    }
  }

  # Only prod has a customer managed key (envs/prod/kms.tf); dev's role gets no KMS rights at all.
  dynamic "statement" {
    for_each = var.environment == "prod" ? ["TableKey"] : []

    content {
      sid = statement.value
      actions = [
        "kms:CreateAlias",
        "kms:CreateGrant",
        "kms:CreateKey",
        "kms:DeleteAlias",
        "kms:EnableKeyRotation",
        "kms:PutKeyPolicy",
        "kms:ScheduleKeyDeletion",
        "kms:TagResource",
        "kms:UntagResource",
        "kms:UpdateAlias",
      ]
      resources = ["*"]

      condition {
        test     = "StringEquals"
        variable = "aws:RequestedRegion"
        values   = [local.region]
      }
    }
  }

  statement {
    sid = "State"
    # The lock file is covered by the read policy.
    actions   = ["s3:PutObject"]
    resources = ["${var.state_bucket_arn}/${var.state_key}"]
  }

  statement {
    sid = "EcrLogin"
    # GetAuthorizationToken has no resource-level permissions.
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "PushImages"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = var.image_repository_arns
  }
}
