variable "region" {
  description = "AWS region of the state bucket and lock table."
  type        = string
  default     = "ap-northeast-2"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as ap-northeast-2."
  }
}

variable "name_prefix" {
  description = "Prefix of the bucket, table and key names."
  type        = string
  default     = "opsdaily"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,18}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3-20 characters of lower-case letters, digits and hyphens, starting with a letter."
  }
}

variable "tags" {
  description = "Tags of every resource."
  type        = map(string)
  default = {
    Service   = "opsdaily"
    Component = "terraform-state"
    ManagedBy = "terraform"
  }
}

variable "noncurrent_version_days" {
  description = "Days old state versions are kept (the way back from a bad apply)."
  type        = number
  default     = 90

  validation {
    condition     = var.noncurrent_version_days >= 7 && floor(var.noncurrent_version_days) == var.noncurrent_version_days
    error_message = "noncurrent_version_days must be a whole number of at least 7."
  }
}
