locals {
  name = "orderflow-${var.environment}"

  # Measured on the benchmark machine (docs/performance.md): peak RSS under load 236 MiB (gateway) and 220 MiB
  # (processor) with the images' JVM flags (ADR 0014). Three such reservations fit a t3.micro's ~900 MiB: a
  # rolling deployment of one service fits one instance, but a new image tag deploys both at once, and four tasks
  # do not, so the capacity provider starts a second instance for the deploy (deploy.yml waits up to 20 minutes).
  memory_reservation = 256
  memory_limit       = 320
  cpu_units          = 512
}

module "network" {
  source = "../network"

  name               = local.name
  availability_zones = var.availability_zones
  private_instances  = var.private_instances
  nat_gateways       = var.nat_gateways
}

module "tables" {
  source = "../dynamodb"

  name_prefix         = local.name
  capacity            = var.table_capacity
  kms_key_arn         = var.kms_key_arn
  deletion_protection = var.deletion_protection
}

resource "aws_cloudwatch_log_group" "service" {
  for_each = toset(["order-gateway", "order-processor"])

  name              = "/ecs/${local.name}/${each.key}"
  retention_in_days = var.log_retention_days
}

module "iam" {
  source = "../iam"

  name_prefix              = local.name
  cluster_name             = local.name
  table_arns               = module.tables.table_arns
  pending_orders_index_arn = module.tables.pending_orders_index_arn
  table_kms_key_arn        = var.kms_key_arn
  image_repository_arns    = var.image_repository_arns
  log_group_arns           = [for group in aws_cloudwatch_log_group.service : group.arn]
  enable_execute_command   = var.enable_execute_command
}

module "cluster" {
  source = "../ecs-cluster"

  name                 = local.name
  instance_type        = var.instance_type
  subnet_ids           = module.network.instance_subnet_ids
  security_group_ids   = [module.network.instance_security_group_id]
  assign_public_ip     = module.network.instances_get_public_ip
  instance_profile_arn = module.iam.instance_profile_arn
  min_size             = var.instance_count.min
  max_size             = var.instance_count.max
  container_insights   = var.container_insights
}

resource "aws_service_discovery_private_dns_namespace" "this" {
  name        = "${local.name}.internal"
  description = "Service discovery of ${local.name}: the processor's tasks as DNS SRV records."
  vpc         = module.network.vpc_id
}

module "processor" {
  source = "../ecs-service"

  name_prefix            = local.name
  service_name           = "order-processor"
  cluster_arn            = module.cluster.cluster_arn
  cluster_name           = module.cluster.cluster_name
  capacity_provider_name = module.cluster.capacity_provider_name
  image_repository_url   = var.image_repository_urls["orderflow-processor"]
  image_tag              = var.image_tag
  container_port         = 8001
  management_port        = 9001
  environment = {
    AWS_REGION             = data.aws_region.current.region
    INVENTORY_TABLE        = module.tables.table_names.inventory
    RESERVATIONS_TABLE     = module.tables.table_names.reservations
    SERVER_PORT            = "8001"
    MANAGEMENT_SERVER_PORT = "9001"
  }
  cpu                    = local.cpu_units
  memory_reservation     = local.memory_reservation
  memory                 = local.memory_limit
  execution_role_arn     = module.iam.execution_role_arn
  task_role_arn          = module.iam.processor_task_role_arn
  log_group_name         = aws_cloudwatch_log_group.service["order-processor"].name
  enable_execute_command = var.enable_execute_command
  autoscaling = {
    min_count          = var.task_count.min
    max_count          = var.task_count.max
    cpu_target_percent = 60
  }
  discovery = {
    namespace_id = aws_service_discovery_private_dns_namespace.this.id
  }
}

module "gateway" {
  source = "../ecs-service"

  name_prefix            = local.name
  service_name           = "order-gateway"
  cluster_arn            = module.cluster.cluster_arn
  cluster_name           = module.cluster.cluster_name
  capacity_provider_name = module.cluster.capacity_provider_name
  image_repository_url   = var.image_repository_urls["orderflow-gateway"]
  image_tag              = var.image_tag
  container_port         = 8000
  management_port        = 9000
  environment = {
    AWS_REGION             = data.aws_region.current.region
    ORDERS_TABLE           = module.tables.table_names.orders
    INVENTORY_MODE         = "remote"
    SRV_ENDPOINT           = "${module.processor.srv_record_name}.${aws_service_discovery_private_dns_namespace.this.name}"
    SERVER_PORT            = "8000"
    MANAGEMENT_SERVER_PORT = "9000"
  }
  cpu                    = local.cpu_units
  memory_reservation     = local.memory_reservation
  memory                 = local.memory_limit
  execution_role_arn     = module.iam.execution_role_arn
  task_role_arn          = module.iam.gateway_task_role_arn
  log_group_name         = aws_cloudwatch_log_group.service["order-gateway"].name
  enable_execute_command = var.enable_execute_command
  autoscaling = {
    min_count          = var.task_count.min
    max_count          = var.task_count.max
    cpu_target_percent = 60
  }
  load_balancer = {
    vpc_id            = module.network.vpc_id
    subnet_ids        = module.network.public_subnet_ids
    security_group_id = module.network.alb_security_group_id
    # Liveness, not readiness: a DynamoDB outage must not make ECS replace every gateway (ADR 0040).
    health_check_path   = "/livez"
    certificate_arn     = var.certificate_arn
    deletion_protection = var.deletion_protection
  }
}

module "monitoring" {
  source = "../monitoring"

  name_prefix              = local.name
  alarm_email              = var.alarm_email
  kms_key_arn              = var.kms_key_arn
  load_balancer_arn_suffix = module.gateway.load_balancer_arn_suffix
  target_group_arn_suffix  = module.gateway.target_group_arn_suffix
  cluster_name             = module.cluster.cluster_name
  service_names            = [module.gateway.service_name, module.processor.service_name]
  container_insights       = var.container_insights
  table_names              = values(module.tables.table_names)
}

data "aws_region" "current" {}
