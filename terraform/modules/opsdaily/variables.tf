# --- Naming -----------------------------------------------------------------

variable "name_prefix" {
  description = "Prefix of every resource name (tables, bucket, functions, roles, secrets). Lower case, it ends up in an S3 bucket name."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,18}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3-20 characters of lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen."
  }
}

variable "tags" {
  description = "Tags applied to every taggable resource of the module."
  type        = map(string)
  default     = {}
}

# --- Behaviour of the functions (SPEC §10) ---------------------------------

variable "system_name" {
  description = "Name shown in Slack messages and reports (OPS_SYSTEM_NAME)."
  type        = string
  default     = "ops"

  validation {
    condition     = length(trimspace(var.system_name)) > 0 && length(var.system_name) <= 64
    error_message = "system_name must be 1-64 characters."
  }
}

variable "timezone" {
  description = "IANA time zone of days, check slots and displayed times (OPS_TIMEZONE); also the time zone of the schedules. One of the zones in value-domains.json (validated by ./settings)."
  type        = string
  default     = "Asia/Seoul"
}

variable "check_slots" {
  description = "Local times (HH:MM, 24 h) of the daily checks (OPS_CHECK_SLOTS, entries trimmed). Each slot gets a daily-check schedule and a notification schedule notification_offset_minutes later. Non-empty, no repeats, at least value-domains.json's minimum spacing apart (validated by ./settings)."
  type        = list(string)
  default     = ["09:00", "20:00"]
}

variable "notification_offset_minutes" {
  description = "Minutes between a daily check and the notification of the same slot: a whole number within value-domains.json's bounds that, with the functions' skew tolerance, stays below every gap between slots (validated by ./settings)."
  type        = number
  default     = 5
}

variable "retention_days" {
  description = "Days stored alerts and check records live before DynamoDB TTL removes them (OPS_RETENTION_DAYS)."
  type        = number
  default     = 400

  validation {
    condition     = var.retention_days >= 1 && var.retention_days <= 3650 && floor(var.retention_days) == var.retention_days
    error_message = "retention_days must be a whole number from 1 to 3650."
  }
}

variable "report_prefix" {
  description = "Key prefix of the HTML reports in the report bucket (OPS_REPORT_PREFIX). The functions may write only under it."
  type        = string
  default     = "reports/"

  validation {
    condition     = can(regex("^[A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*/$", var.report_prefix))
    error_message = "report_prefix must be a relative key prefix ending in '/', e.g. \"reports/\"."
  }
}

variable "report_url_ttl_seconds" {
  description = "Requested lifetime of the pre-signed report URLs (OPS_REPORT_URL_TTL). The real expiry may be shorter: it ends with the signing credentials."
  type        = number
  default     = 43200

  validation {
    condition     = var.report_url_ttl_seconds >= 60 && var.report_url_ttl_seconds <= 604800 && floor(var.report_url_ttl_seconds) == var.report_url_ttl_seconds
    error_message = "report_url_ttl_seconds must be a whole number from 60 to 604800 (7 days, the SigV4 maximum)."
  }
}

variable "report_signing_user" {
  description = "Create a user that may only read reports, and an empty secret for its access key (OPS_REPORT_SIGNING_SECRET_ID), so report links live report_url_ttl_seconds instead of dying with the functions' role credentials within hours. The access key is created and stored by the operator (terraform/README.md), never by Terraform."
  type        = bool
  default     = false
}

variable "report_expiration_days" {
  description = "Days after which reports are deleted from the bucket by a lifecycle rule."
  type        = number
  default     = 90

  validation {
    condition     = var.report_expiration_days >= 8 && floor(var.report_expiration_days) == var.report_expiration_days
    error_message = "report_expiration_days must be a whole number of at least 8 (longer than the longest pre-signed URL)."
  }
}

variable "datadog_site" {
  description = "Datadog site of the organisation (OPS_DATADOG_SITE); the API host is api.<site>. One of value-domains.json's sites (validated by ./settings)."
  type        = string
  default     = "datadoghq.com"
}

variable "monitor_tags" {
  description = "Tags a monitor must carry to be checked by daily-check (OPS_MONITOR_TAGS), e.g. [\"team:argos\"]. Empty means no tag filter."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for t in var.monitor_tags : can(regex("^[^,\\s]+$", t))])
    error_message = "monitor_tags entries must be non-empty and contain no comma or whitespace."
  }
}

variable "monitor_priorities" {
  description = "Monitor priorities checked by daily-check (OPS_MONITOR_PRIORITIES)."
  type        = list(number)
  default     = [1, 2]

  validation {
    condition     = length(var.monitor_priorities) > 0 && alltrue([for p in var.monitor_priorities : contains([1, 2, 3, 4, 5], p)])
    error_message = "monitor_priorities must be a non-empty list of values from 1 to 5."
  }
}

variable "webhook_token_header" {
  description = "HTTP header in which Datadog sends the shared webhook token (OPS_WEBHOOK_TOKEN_HEADER). Must match the Datadog stack."
  type        = string
  default     = "X-Ops-Webhook-Token"

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$", var.webhook_token_header))
    error_message = "webhook_token_header must be an HTTP header name (letters, digits, hyphens)."
  }
}

# --- Functions --------------------------------------------------------------

variable "lambda_zip_dir" {
  description = "Directory holding collection.zip, daily-check.zip and notification.zip (made by scripts/package.sh). Null means build/lambda at the repository root."
  type        = string
  default     = null
}

variable "lambda_architecture" {
  description = "Instruction set the bootstrap binaries were built for."
  type        = string
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.lambda_architecture)
    error_message = "lambda_architecture must be x86_64 or arm64."
  }
}

variable "lambda_memory_mb" {
  description = "Memory per function in MB; keys among collection, daily-check, notification. Unlisted functions keep the module default."
  type        = map(number)
  default     = {}

  validation {
    condition = alltrue([
      for k, v in var.lambda_memory_mb : contains(["collection", "daily-check", "notification"], k) && v >= 128 && v <= 10240
    ])
    error_message = "lambda_memory_mb keys must be collection, daily-check or notification, values 128-10240."
  }
}

variable "lambda_timeout_seconds" {
  description = "Timeout per function in seconds; keys among collection, daily-check, notification. Unlisted functions keep the module default."
  type        = map(number)
  default     = {}

  validation {
    condition = alltrue([
      for k, v in var.lambda_timeout_seconds : contains(["collection", "daily-check", "notification"], k) && v >= 1 && v <= 900
    ])
    error_message = "lambda_timeout_seconds keys must be collection, daily-check or notification, values 1-900."
  }

  validation {
    # Datadog gives up on a webhook after 15 s; a longer collection timeout only burns money.
    condition     = lookup(var.lambda_timeout_seconds, "collection", 10) <= 15
    error_message = "The collection timeout must not exceed 15 s, Datadog's webhook timeout."
  }
}

variable "lambda_reserved_concurrency" {
  description = "Reserved concurrency per function; keys among collection, daily-check, notification. Defaults: daily-check and notification 1 (scheduled runs never overlap), collection unreserved (a cap makes Lambda answer 429 to Datadog, which does not retry it: terraform/README.md, \"Concurrency\")."
  type        = map(number)
  default     = {}

  validation {
    condition = alltrue([
      for k, v in var.lambda_reserved_concurrency : contains(["collection", "daily-check", "notification"], k) && v >= 1 && v <= 1000 && floor(v) == v
    ])
    error_message = "lambda_reserved_concurrency keys must be collection, daily-check or notification, values whole numbers 1-1000."
  }
}

variable "log_retention_days" {
  description = "Retention of the functions' CloudWatch log groups."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  }
}

variable "log_format" {
  description = "Lambda log format: Text, or JSON (one object per line; then AWS_LAMBDA_LOG_LEVEL follows log_level)."
  type        = string
  default     = "Text"

  validation {
    condition     = contains(["Text", "JSON"], var.log_format)
    error_message = "log_format must be Text or JSON."
  }
}

variable "log_level" {
  description = "Application log level when log_format is JSON."
  type        = string
  default     = "INFO"

  validation {
    condition     = contains(["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"], var.log_level)
    error_message = "log_level must be one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL."
  }
}

# --- Scheduling and failure handling ----------------------------------------

variable "schedule_retry_attempts" {
  description = "How often EventBridge Scheduler retries an invocation it could not deliver."
  type        = number
  default     = 3

  validation {
    condition     = var.schedule_retry_attempts >= 0 && var.schedule_retry_attempts <= 185 && floor(var.schedule_retry_attempts) == var.schedule_retry_attempts
    error_message = "schedule_retry_attempts must be a whole number from 0 to 185."
  }
}

variable "schedule_max_event_age_seconds" {
  description = "How long EventBridge Scheduler keeps trying to deliver one scheduled invocation. Short on purpose: a check that is hours late is worth less than a loud failure."
  type        = number
  default     = 1800

  validation {
    condition     = var.schedule_max_event_age_seconds >= 60 && var.schedule_max_event_age_seconds <= 86400
    error_message = "schedule_max_event_age_seconds must be from 60 to 86400."
  }
}

variable "async_retry_attempts" {
  description = "Lambda's own retries of a failed scheduled (asynchronous) invocation. The functions are idempotent per slot, so retrying is safe."
  type        = number
  default     = 2

  validation {
    condition     = contains([0, 1, 2], var.async_retry_attempts)
    error_message = "async_retry_attempts must be 0, 1 or 2."
  }
}

variable "schedules_enabled" {
  description = "Whether the schedules fire. Apply false first, so nothing runs before the secrets are set and the webhook is tested, then true (terraform/README.md, step 3). The schedules exist either way."
  type        = bool
  default     = true
}

# --- Alarms -----------------------------------------------------------------

variable "alarm_emails" {
  description = "E-mail addresses subscribed to the module's alarm topic. Each address must confirm the subscription from the mail SNS sends before it receives alarms."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.alarm_emails : can(regex("^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:].]+$", a))])
    error_message = "alarm_emails entries must be e-mail addresses such as oncall@example.com."
  }

  validation {
    condition     = length(distinct([for a in var.alarm_emails : lower(a)])) == length(var.alarm_emails)
    error_message = "alarm_emails must not repeat an address."
  }
}

variable "alarm_actions" {
  description = "Extra ARNs (usually SNS topics of an on-call tool) notified when an alarm fires or recovers, in addition to the module's own topic (output alarm_topic_arn)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.alarm_actions : can(regex("^arn:aws[a-z-]*:", a))])
    error_message = "alarm_actions must be ARNs."
  }
}

variable "webhook_silence_hours" {
  description = "Hours without any webhook delivery to collection after which the dead man's switch alarm fires. Whole hours; CloudWatch evaluates at most 7 days (604,800 s) of one-hour periods."
  type        = number
  default     = 6

  validation {
    # One-hour periods: period x evaluation periods <= 604,800 s (PutMetricAlarm).
    condition     = var.webhook_silence_hours >= 1 && var.webhook_silence_hours <= 168 && floor(var.webhook_silence_hours) == var.webhook_silence_hours
    error_message = "webhook_silence_hours must be a whole number from 1 to 168 (7 days, CloudWatch's longest evaluation range)."
  }
}

# --- Protection of data -----------------------------------------------------

variable "deletion_protection" {
  description = "DynamoDB deletion protection on the alerts and checks tables. Turn off only for throw-away environments."
  type        = bool
  default     = true
}

variable "secret_recovery_window_days" {
  description = "Days a deleted secret can still be restored: 0 (delete at once, throw-away environments only) or 7-30."
  type        = number
  default     = 30

  validation {
    condition     = var.secret_recovery_window_days == 0 || (var.secret_recovery_window_days >= 7 && var.secret_recovery_window_days <= 30)
    error_message = "secret_recovery_window_days must be 0 or from 7 to 30."
  }
}

variable "kms_deletion_window_days" {
  description = "Waiting period before the module's KMS key is deleted after a destroy."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_deletion_window_days >= 7 && var.kms_deletion_window_days <= 30
    error_message = "kms_deletion_window_days must be from 7 to 30."
  }
}
