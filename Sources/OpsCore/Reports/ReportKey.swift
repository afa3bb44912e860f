import CivilTime

/// Report keys: dated, one per kind and slot, so a re-run of a slot replaces its report.
public enum ReportKey {
    /// `<prefix><kind>/YYYY/MM/DD/HHMM.html`, e.g. `reports/check/2026/11/25/0900.html`.
    public static func key(prefix: String, kind: String, slot: CheckSlot) -> String {
        let date = slot.date
        let time = slot.time
        var key = prefix + kind + "/"
        for (value, width, separator) in [(date.year, 4, "/"), (date.month, 2, "/"), (date.day, 2, "/"), (time.hour, 2, ""), (time.minute, 2, "")] {
            DecimalText.append(value, width: width, to: &key)
            key += separator
        }
        return key + ".html"
    }
}
