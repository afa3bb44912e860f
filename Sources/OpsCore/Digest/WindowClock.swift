import HTMLDocument
import CivilTime

/// Local times within one window, the zone's rules consulted once: working out a DST zone's yearly switches
/// for each of 20,000 rows would be most of the page's cost.
struct WindowClock {
    let zone: ZoneRules
    let window: TimeWindow
    let initial: LocalTimeType
    let changes: [ZoneTransition]

    init(zone: ZoneRules, window: TimeWindow) {
        self.zone = zone
        self.window = window
        initial = zone.localTimeType(at: window.start)
        changes = zone.transitions(after: window.start.epochSeconds, through: window.end.epochSeconds)
    }

    func localTimeType(at instant: Instant) -> LocalTimeType {
        guard window.contains(instant) else { return zone.localTimeType(at: instant) }
        return changes.last { $0.at <= instant.epochSeconds }?.after ?? initial
    }

    /// `2026-11-25 08:59:07 KST`: seconds too, to tell apart notifications of the same minute.
    func append(_ instant: Instant, to out: inout String) {
        let type = localTimeType(at: instant)
        let local = LocalDateTime(localSecondsSinceEpoch: instant.epochSeconds + Int64(type.offset.seconds))
        out += "\(local.date) \(local.time.hourMinute):"
        DecimalText.append(local.time.second, width: 2, to: &out)
        out += " "
        HTMLText.append(type.abbreviation, to: &out)
    }
}
