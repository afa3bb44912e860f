provider "aws" {
  region = var.region
}

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  bucket_name = "${var.name_prefix}-tfstate-${data.aws_caller_identity.current.account_id}-${var.region}"
}

# State can hold resource attributes worth protecting; encrypt it with a key
# whose use shows up in CloudTrail and can be revoked.
resource "aws_kms_key" "state" {
  description             = "${var.name_prefix}: Terraform state and lock table"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags                    = var.tags

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      # Delegate to IAM: operators' own policies decide who may use the key.
      Sid       = "AccountIAMDelegation"
      Effect    = "Allow"
      Principal = { AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_kms_alias" "state" {
  name          = "alias/${var.name_prefix}-tfstate"
  target_key_id = aws_kms_key.state.key_id
}

# Same hardening as the report bucket. Not force_destroy: Terraform cannot delete
# it while any state (or old state version) is in it.
module "state_bucket" {
  source = "../modules/private-bucket"

  name                    = local.bucket_name
  kms_key_arn             = aws_kms_key.state.arn
  noncurrent_version_days = var.noncurrent_version_days
  tags                    = var.tags
}

resource "aws_dynamodb_table" "lock" {
  name                        = "${var.name_prefix}-tflock"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "LockID"
  deletion_protection_enabled = true

  attribute {
    name = "LockID"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.state.arn
  }

  tags = var.tags
}
