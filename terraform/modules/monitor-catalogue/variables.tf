variable "monitors" {
  description = "The monitor catalogue (terraform/datadog/monitors.json `monitors`). Names, team and monitor tags and notification handles are NOT given here: the module derives them."
  type = list(object({
    key      = string
    priority = number
    tower    = string
    title    = string
    type     = string
    query    = string
    message  = string
    thresholds = optional(object({
      critical          = optional(number)
      warning           = optional(number)
      critical_recovery = optional(number)
      warning_recovery  = optional(number)
    }), {})
    tags  = optional(list(string), [])
    multi = optional(bool, false)
    options = optional(object({
      renotify_interval   = optional(number)
      renotify_statuses   = optional(list(string))
      new_group_delay     = optional(number)
      notify_no_data      = optional(bool, false)
      no_data_timeframe   = optional(number)
      evaluation_delay    = optional(number)
      require_full_window = optional(bool, false)
      include_tags        = optional(bool, true)
      escalation_message  = optional(string)
      enable_logs_sample  = optional(bool)
      timeout_h           = optional(number)
    }), {})
  }))

  validation {
    condition     = length(var.monitors) > 0
    error_message = "The catalogue is empty."
  }

  validation {
    condition     = length(distinct([for m in var.monitors : m.key])) == length(var.monitors)
    error_message = "Monitor keys must be unique (they become the monitor:<KEY> label)."
  }

  validation {
    condition     = alltrue([for m in var.monitors : can(regex("^[A-Za-z][A-Za-z0-9_.-]{2,80}$", m.key))])
    error_message = "Monitor keys must start with a letter and contain only letters, digits, '_', '.', '-'."
  }

  validation {
    condition     = alltrue([for m in var.monitors : contains([1, 2, 3, 4, 5], m.priority)])
    error_message = "Every monitor priority must be 1, 2, 3, 4 or 5."
  }

  validation {
    condition     = alltrue([for m in var.monitors : contains(["System", "Container", "DB", "Network", "CSP"], m.tower)])
    error_message = "Every monitor tower must be one of System, Container, DB, Network, CSP."
  }

  validation {
    condition     = alltrue([for m in var.monitors : contains(["query alert", "metric alert", "event-v2 alert", "log alert", "service check", "composite"], m.type)])
    error_message = "Monitor type must be query alert, metric alert, event-v2 alert, log alert, service check or composite."
  }

  validation {
    # The [Pn][Tower] prefix is derived from priority and tower; a title that
    # carries its own could contradict them (seed weakness §9.2.13).
    condition     = alltrue([for m in var.monitors : length(trimspace(m.title)) > 0 && !can(regex("^\\s*\\[", m.title))])
    error_message = "Titles must be non-empty and must not start with '[': the [Pn][Tower] prefix is added by the module."
  }

  validation {
    # Routing is the module's job: the collection webhook is always notified.
    condition     = alltrue([for m in var.monitors : !can(regex("(^|\\s)@[A-Za-z]", m.message))])
    error_message = "Messages must not contain @-handles: notification handles are appended by the module."
  }

  validation {
    condition = alltrue(flatten([
      for m in var.monitors : [for t in m.tags : !startswith(t, "team:") && !startswith(t, "monitor:") && can(regex("^[^\\s,]+$", t))]
    ]))
    error_message = "Catalogue tags must not set team: or monitor: (the module does) and must contain no whitespace or comma."
  }
}

variable "team" {
  description = "Owning team; every monitor gets the tag team:<team>, which daily-check filters on."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9_.-]*$", var.team))
    error_message = "team must be a lower-case Datadog tag value (letters, digits, '_', '.', '-')."
  }
}

variable "webhook_name" {
  description = "Name of the Datadog webhook of collection; @webhook-<name> is appended to every message."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]+$", var.webhook_name))
    error_message = "webhook_name must contain only letters, digits, '_' and '-'."
  }
}

variable "priority_handles" {
  description = "Extra notification handles per priority, e.g. { \"1\" = [\"@slack-ops-l1\"] }. Added after the collection webhook, never instead of it."
  type        = map(list(string))
  default     = {}

  validation {
    condition     = alltrue([for p, hs in var.priority_handles : contains(["1", "2", "3", "4", "5"], p) && alltrue([for h in hs : can(regex("^@[^\\s]+$", h))])])
    error_message = "priority_handles keys must be \"1\" to \"5\" and every handle must start with '@' and contain no whitespace."
  }
}
