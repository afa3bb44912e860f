output "state_bucket" {
  description = "S3 bucket for the state of the other stacks."
  value       = module.state_bucket.id
}

output "lock_table" {
  description = "DynamoDB table for state locking."
  value       = aws_dynamodb_table.lock.name
}

output "kms_key_arn" {
  description = "KMS key encrypting state objects."
  value       = aws_kms_key.state.arn
}

output "backend_config" {
  description = "Contents for a backend.hcl of another stack; set key per stack."
  value       = <<-EOT
    bucket         = "${module.state_bucket.id}"
    key            = "opsdaily/<stack>/terraform.tfstate"
    region         = "${var.region}"
    dynamodb_table = "${aws_dynamodb_table.lock.name}"
    encrypt        = true
    kms_key_id     = "${aws_kms_key.state.arn}"
  EOT
}
