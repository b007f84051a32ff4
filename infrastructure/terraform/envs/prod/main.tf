# prod: instances in private subnets behind a NAT gateway per zone, on-demand tables with deletion protection, a
# customer managed key for the tables and the alarm topic, Container Insights on. Not free: docs/aws.md.
provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Project     = "orderflow"
      Environment = "prod"
      ManagedBy   = "terraform"
    }
  }
}

data "aws_ecr_repository" "image" {
  for_each = toset(["orderflow-gateway", "orderflow-processor"])

  name = each.key
}

module "orderflow" {
  source = "../../modules/orderflow"

  environment        = "prod"
  availability_zones = ["${var.aws_region}a", "${var.aws_region}b"]
  private_instances  = true
  nat_gateways       = "per_az"
  instance_type      = "t3.micro"
  instance_count     = { min = 2, max = 4 }
  container_insights = true

  table_capacity      = null
  deletion_protection = true
  kms_key_arn         = aws_kms_key.data.arn

  image_repository_urls = { for name, repository in data.aws_ecr_repository.image : name => repository.repository_url }
  image_repository_arns = [for repository in data.aws_ecr_repository.image : repository.arn]
  image_tag             = var.image_tag
  certificate_arn       = var.certificate_arn
  alarm_email           = var.alarm_email
  log_retention_days    = 30
  task_count            = { min = 2, max = 4 }
}
