terraform {
  required_version = ">= 1.9"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }

  # Partial configuration: bucket, key, region and lock table come from
  # `terraform init -backend-config=backend.hcl` (see backend.hcl.example and
  # the outputs of terraform/backend).
  backend "s3" {}
}
