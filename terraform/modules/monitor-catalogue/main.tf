# The conventions of SPEC §11, applied to every catalogue entry:
#   name     [P<priority>][<tower>] <title>      (one priority value drives it all)
#   tags     team:<team>, monitor:<key>, then the catalogue's own tags
#   message  the guidance, then "Notify:" with the collection webhook first
#   priority the same value as in the name
locals {
  notify_line = {
    for p in ["1", "2", "3", "4", "5"] :
    p => join(" ", concat(["@webhook-${var.webhook_name}"], lookup(var.priority_handles, p, [])))
  }

  monitors = {
    for m in var.monitors : m.key => {
      name                     = "[P${m.priority}][${m.tower}] ${trimspace(m.title)}"
      type                     = m.type
      query                    = m.query
      message                  = "${trimspace(m.message)}\n\nNotify: ${local.notify_line[tostring(m.priority)]}"
      priority                 = m.priority
      tags                     = concat(["team:${var.team}", "monitor:${m.key}"], m.tags)
      thresholds               = m.thresholds
      options                  = m.options
      notification_preset_name = "hide_query"
    }
  }
}
