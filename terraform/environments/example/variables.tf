# Only what differs between deployments; everything else keeps the module's
# defaults. Values go in a terraform.tfvars next to this file (never secrets:
# the module takes none).

variable "region" {
  description = "AWS region to deploy to."
  type        = string
  default     = "ap-northeast-2"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as ap-northeast-2."
  }
}

variable "name_prefix" {
  description = "Prefix of every resource name."
  type        = string
  default     = "opsdaily"
}

variable "tags" {
  description = "Tags of every resource."
  type        = map(string)
  default = {
    Service     = "opsdaily"
    Environment = "example"
    ManagedBy   = "terraform"
  }
}

variable "system_name" {
  description = "Name shown in Slack messages and reports."
  type        = string
  default     = "Argos"
}

variable "timezone" {
  description = "IANA time zone of days, slots and schedules."
  type        = string
  default     = "Asia/Seoul"
}

variable "check_slots" {
  description = "Local times (HH:MM) of the daily checks."
  type        = list(string)
  default     = ["09:00", "20:00"]
}

variable "monitor_tags" {
  description = "Tags a Datadog monitor must carry to be checked."
  type        = list(string)
  default     = ["team:argos"]
}

variable "datadog_site" {
  description = "Datadog site of the organisation."
  type        = string
  default     = "datadoghq.com"
}

variable "alarm_actions" {
  description = "Extra ARNs (e.g. an on-call tool's SNS topic) notified by the alarms, besides the module's own topic."
  type        = list(string)
  default     = []
}

variable "alarm_emails" {
  description = "E-mail addresses subscribed to the alarm topic (each confirms the mail SNS sends)."
  type        = list(string)
  default     = []
}

variable "webhook_silence_hours" {
  description = "Hours without any webhook delivery before the dead man's switch alarm fires."
  type        = number
  default     = 6
}

variable "schedules_enabled" {
  description = "false for the first apply (nothing fires before the secrets are set and the webhook is tested), then true."
  type        = bool
  default     = true
}

variable "lambda_zip_dir" {
  description = "Directory of the function zips; null means build/lambda at the repository root."
  type        = string
  default     = null
}

variable "lambda_architecture" {
  description = "x86_64 or arm64, as the zips were built."
  type        = string
  default     = "x86_64"
}

variable "report_signing_user" {
  description = "Sign report links with a dedicated read-only user's access key, so they live the requested 12 h rather than ending with the functions' role credentials (then create and store the key: terraform/README.md step 4)."
  type        = bool
  default     = false
}
