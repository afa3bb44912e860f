variable "endpoint" {
  description = "Base URL of the local AWS endpoint (moto_server), e.g. http://127.0.0.1:5000."
  type        = string

  validation {
    condition     = can(regex("^http://(127\\.[0-9.]+|localhost|\\[::1\\]):[0-9]+$", var.endpoint))
    error_message = "endpoint must be a loopback http URL with a port: this root never talks to real AWS."
  }
}

variable "lambda_zip_dir" {
  description = "Directory of the function zips; null means build/lambda at the repository root."
  type        = string
  default     = null
}

variable "schedules_enabled" {
  description = "Whether the schedules fire; off by default here, as on a real environment's first apply (scripts/terraform-check.sh also plans the switch to true)."
  type        = bool
  default     = false
}

variable "alarm_emails" {
  description = "Addresses subscribed to the alarm topic (example.com: nothing is ever sent from a local endpoint)."
  type        = list(string)
  default     = ["oncall@example.com"]
}

variable "webhook_silence_hours" {
  description = "Hours without a webhook delivery before the dead man's switch alarm fires."
  type        = number
  default     = 6
}
