terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.25"
    }
  }

  # Local state on purpose: this root creates the bucket the other roots keep their state in. After the first
  # apply its state can move into that bucket (docs/aws.md, "Bootstrap").
}
