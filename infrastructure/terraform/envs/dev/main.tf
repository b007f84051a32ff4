# dev: everything within the AWS Free Tier where it exists (docs/aws.md has the cost table). One t3.micro with
# both services in a public subnet, reached only through the ALB's security group; no NAT gateway; DynamoDB
# provisioned within the free 25 RCU / 25 WCU.
provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Project     = "orderflow"
      Environment = "dev"
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

  environment        = "dev"
  availability_zones = ["${var.aws_region}a", "${var.aws_region}b"]
  private_instances  = false
  nat_gateways       = "none"
  instance_type      = "t3.micro"
  instance_count     = { min = 1, max = 2 }
  container_insights = false

  # Sums of max: 25 RCU and 25 WCU, the free tier. An order costs 8 WCU (docs/aws.md), so writes are split
  # evenly; reads go mostly to the inventory (one consistent read per order) and to the orders (GET /orders).
  table_capacity = {
    orders           = { min_read = 2, max_read = 8, min_write = 2, max_write = 6 }
    "pending-orders" = { min_read = 1, max_read = 2, min_write = 2, max_write = 6 }
    inventory        = { min_read = 2, max_read = 10, min_write = 2, max_write = 6 }
    reservations     = { min_read = 1, max_read = 5, min_write = 2, max_write = 7 }
  }
  deletion_protection = false
  kms_key_arn         = null

  image_repository_urls = { for name, repository in data.aws_ecr_repository.image : name => repository.repository_url }
  image_repository_arns = [for repository in data.aws_ecr_repository.image : repository.arn]
  image_tag             = var.image_tag
  certificate_arn       = var.certificate_arn
  alarm_email           = var.alarm_email
  log_retention_days    = 7
  task_count            = { min = 1, max = 2 }
}
