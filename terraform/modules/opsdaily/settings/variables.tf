# Each rule reads value-domains.json (local.domains); the error names the value
# it refused.

variable "datadog_site" {
  description = "Datadog site (OPS_DATADOG_SITE)."
  type        = string

  validation {
    condition     = contains(local.domains.datadog_sites, var.datadog_site)
    error_message = "datadog_site must be one of ${join(", ", local.domains.datadog_sites)}; got ${jsonencode(var.datadog_site)}."
  }
}

variable "timezone" {
  description = "IANA time zone (OPS_TIMEZONE and the schedules' zone)."
  type        = string

  validation {
    condition     = contains(local.domains.timezones, var.timezone)
    error_message = "timezone must be one of the zone names the functions know without tzdata (terraform/modules/opsdaily/value-domains.json), e.g. Asia/Seoul, Europe/London or UTC; got ${jsonencode(var.timezone)}."
  }
}

variable "check_slots" {
  description = "Local times (HH:MM) of the daily checks, as the operator wrote them; entries are trimmed."
  type        = list(string)

  validation {
    condition     = length(var.check_slots) > 0
    error_message = "check_slots must name at least one time, e.g. [\"09:00\", \"20:00\"]."
  }

  validation {
    condition     = alltrue([for s in var.check_slots : can(regex(local.slot_pattern, trimspace(s)))])
    error_message = "check_slots entries must be 24-hour HH:MM times such as \"09:00\" (one time per entry); got ${jsonencode(var.check_slots)}."
  }

  validation {
    condition     = length(distinct([for s in var.check_slots : trimspace(s)])) == length(var.check_slots)
    error_message = "check_slots must not repeat a time; got ${jsonencode(var.check_slots)}."
  }

  validation {
    # Consecutive slots (in time order, the last one against the first of the
    # next day) are at least the spacing apart exactly when every two slots
    # are, in both directions round the clock. Written per pair because a
    # variable's own rules cannot use locals derived from it; malformed and
    # repeated entries are left to the rules above.
    condition = alltrue(flatten([
      for i, a in var.check_slots : [
        for j, b in var.check_slots : try(
          i == j || trimspace(a) == trimspace(b) || !can(regex(local.slot_pattern, trimspace(a))) || !can(regex(local.slot_pattern, trimspace(b))) ||
          (abs(local.minute_of_day[trimspace(a)] - local.minute_of_day[trimspace(b)]) >= local.slot_spacing_minutes &&
          1440 - abs(local.minute_of_day[trimspace(a)] - local.minute_of_day[trimspace(b)]) >= local.slot_spacing_minutes),
          true
        )
      ]
    ]))
    error_message = "check_slots must be at least ${local.slot_spacing_minutes} minutes apart, the last one also from the first of the next day; got ${jsonencode(var.check_slots)}."
  }
}

variable "notification_offset_minutes" {
  description = "Minutes between a daily check and the notification of the same slot."
  type        = number

  validation {
    condition     = var.notification_offset_minutes >= local.offset_minimum && var.notification_offset_minutes <= local.offset_maximum && floor(var.notification_offset_minutes) == var.notification_offset_minutes
    error_message = "notification_offset_minutes must be a whole number from ${local.offset_minimum} to ${local.offset_maximum}; got ${var.notification_offset_minutes}."
  }

  validation {
    # A notification runs offset minutes after its slot and the functions
    # accept a scheduled time up to the skew tolerance late; past the next
    # slot it would be taken for that slot's notification.
    condition     = alltrue([for gap in local.slot_gaps : var.notification_offset_minutes + local.skew_minutes < gap])
    error_message = "notification_offset_minutes (${var.notification_offset_minutes}) plus the functions' ${local.skew_minutes}-minute skew tolerance must stay below every gap between check slots (${jsonencode(var.check_slots)}): otherwise a notification would be taken for the next slot's."
  }
}
