# The settings the functions read and Terraform also uses (site, zone, check
# slots, notification offset), validated against value-domains.json: the one
# description of what both accept. The Swift functions' own tables are held
# equal to that file by their tests, and scripts/tests/test_value_domains.py
# plans this module on every case of scripts/tests/data/value-domain-cases.json.
# No providers and no resources, so planning it costs next to nothing.

locals {
  domains = jsondecode(file("${path.module}/../value-domains.json"))

  slot_pattern         = local.domains.check_slots.pattern
  slot_spacing_minutes = local.domains.check_slots.minimum_spacing_minutes
  offset_minimum       = local.domains.notification_offset_minutes.minimum
  offset_maximum       = local.domains.notification_offset_minutes.maximum
  skew_minutes         = local.domains.notification_offset_minutes.skew_tolerance_minutes

  # "HH:MM" => minute of day, for every minute: a table, so that the rules of
  # var.check_slots can use it (a variable's rules cannot use locals derived
  # from the variable itself).
  minute_of_day = merge([
    for h in range(24) : { for m in range(60) : format("%02d:%02d", h, m) => h * 60 + m }
  ]...)

  # Entries as the functions read them: OPS_CHECK_SLOTS is these, joined by commas.
  slots = [for s in var.check_slots : trimspace(s)]

  slots_well_formed = length(local.slots) > 0 && length(distinct(local.slots)) == length(local.slots) && alltrue([
    for s in local.slots : can(regex(local.slot_pattern, s))
  ])

  # Minute of day of each slot in time order ("HH:MM" strings sort as times),
  # and the gap from each slot to the next, the last one to the first of the
  # next day. Empty while the entries are malformed (their own rules say why).
  slot_minutes_in_order = local.slots_well_formed ? [for s in sort(local.slots) : local.minute_of_day[s]] : []
  slot_gaps = [
    for i, m in local.slot_minutes_in_order :
    (i + 1 < length(local.slot_minutes_in_order) ? local.slot_minutes_in_order[i + 1] : local.slot_minutes_in_order[0] + 1440) - m
  ]
}
