variable "datadog_site" {
  description = "Datadog site of the organisation; the API host is api.<site>."
  type        = string
  default     = "datadoghq.com"

  validation {
    condition     = contains(["datadoghq.com", "us3.datadoghq.com", "us5.datadoghq.com", "datadoghq.eu", "ap1.datadoghq.com", "ap2.datadoghq.com", "ddog-gov.com"], var.datadog_site)
    error_message = "datadog_site must be one of datadoghq.com, us3.datadoghq.com, us5.datadoghq.com, datadoghq.eu, ap1.datadoghq.com, ap2.datadoghq.com, ddog-gov.com."
  }
}

variable "team" {
  description = "Owning team: every monitor is tagged team:<team> (set the application's monitor_tags to the same tag)."
  type        = string
  default     = "argos"
}

variable "catalogue_file" {
  description = "Monitor catalogue, relative to this directory."
  type        = string
  default     = "monitors.json"
}

variable "priority_handles" {
  description = "Extra notification handles per priority (\"1\"..\"5\"), e.g. Slack channels. The collection webhook is always notified in addition."
  type        = map(list(string))
  default     = {}
}

variable "webhook_name" {
  description = "Name of the Datadog webhook that feeds collection; monitors notify @webhook-<name>."
  type        = string
  default     = "opsdaily-collection"
}

variable "collection_url" {
  description = "Function URL of collection (output webhook_url of the application)."
  type        = string

  validation {
    condition     = can(regex("^https://[^\\s]+$", var.collection_url))
    error_message = "collection_url must be an https URL."
  }
}

variable "token_header" {
  description = "Header carrying the shared token; must equal the application's webhook_token_header."
  type        = string
  default     = "X-Ops-Webhook-Token"

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$", var.token_header))
    error_message = "token_header must be an HTTP header name (letters, digits, hyphens)."
  }
}

variable "webhook_token" {
  description = "Shared token, the same value as the `token` of the application's webhook secret. Pass it as TF_VAR_webhook_token, never in a file."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.webhook_token) >= 32
    error_message = "webhook_token must be at least 32 characters (e.g. `openssl rand -hex 32`)."
  }
}
