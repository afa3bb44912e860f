variable "name" {
  description = "Bucket name (globally unique)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.name))
    error_message = "name must be a valid S3 bucket name: 3-63 lower-case letters, digits, dots and hyphens."
  }
}

variable "kms_key_arn" {
  description = "Customer-managed KMS key for default encryption."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN."
  }
}

variable "noncurrent_version_days" {
  description = "Days an overwritten or deleted object version is kept."
  type        = number

  validation {
    condition     = var.noncurrent_version_days >= 1 && floor(var.noncurrent_version_days) == var.noncurrent_version_days
    error_message = "noncurrent_version_days must be a whole number of at least 1."
  }
}

variable "expiration_days_by_prefix" {
  description = "Objects under each key prefix are deleted this many days after creation. Empty: objects never expire."
  type        = map(number)
  default     = {}

  validation {
    condition     = alltrue([for p, d in var.expiration_days_by_prefix : length(p) > 0 && d >= 1 && floor(d) == d])
    error_message = "expiration_days_by_prefix needs non-empty prefixes and whole numbers of days of at least 1."
  }
}

variable "tags" {
  description = "Tags of the bucket."
  type        = map(string)
  default     = {}
}
