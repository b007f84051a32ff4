terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.25"
    }
  }

  # Partial configuration: bucket and region come from terraform init -backend-config (docs/aws.md), as the
  # bucket's name holds the account id. S3's own lock file, no DynamoDB lock table.
  backend "s3" {
    key          = "orderflow/dev/terraform.tfstate"
    use_lockfile = true
    encrypt      = true
  }
}
