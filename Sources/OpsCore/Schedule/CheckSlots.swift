import CivilTime
import HTTPCore

/// The daily check times (`OPS_CHECK_SLOTS`, e.g. `09:00,20:00`) in the configured zone, and the rules that
/// tie a scheduled instant to a slot. A slot is derived from the *scheduled* time of an invocation, never
/// from the clock, so a delayed or retried run keeps its slot (SPEC §6).
public struct CheckSlots: Sendable, Hashable, CustomStringConvertible {
    /// Sorted, distinct, at least one.
    public let times: [LocalTime]
    public let zone: ZoneRules

    /// How early an instant may be and still belong to the next slot. Schedulers deliver the nominal time,
    /// but a caller that passes its own clock (a manual run, a clock a few seconds behind) must not land a
    /// 09:00 check at 08:59:58 in the previous evening's slot. Five minutes also covers the notification,
    /// which runs 5 minutes after its check: 09:05 belongs to 09:00 either way.
    public static let skewToleranceSeconds: Int64 = 5 * 60

    /// Slots closer than this (also across midnight) could not be told apart once the tolerance and the
    /// notification's 5-minute delay are applied, so such a configuration is refused.
    public static let minimumSpacingSeconds = 15 * 60

    public init(times: [LocalTime], zone: ZoneRules) throws(CheckSlotsError) {
        let text = times.map(\.description).joined(separator: ",")
        // Slot ids are per minute; a slot at 09:00:30 would share its id with a manual 09:00 it never matches.
        if let odd = times.first(where: { $0.second != 0 }) { throw CheckSlotsError(text, "\(odd) is not a whole minute") }
        let sorted = times.sorted()
        guard !sorted.isEmpty else { throw CheckSlotsError(text, "no slot given") }
        // Each slot is one schedule: Terraform refuses a repeated time, so the functions do too.
        if let repeated = zip(sorted, sorted.dropFirst()).first(where: { $0 == $1 })?.0 {
            throw CheckSlotsError(text, "\(repeated.hourMinute) is given twice")
        }
        for (index, gap) in Self.gaps(sorted).enumerated() where gap < Self.minimumSpacingSeconds {
            let later = sorted[(index + 1) % sorted.count]
            throw CheckSlotsError(text, "\(sorted[index].hourMinute) and \(later.hourMinute) are less than 15 minutes apart")
        }
        self.times = sorted
        self.zone = zone
    }

    /// Seconds from each slot to the next, the last to the next day's first (a lone slot: a day).
    static func gaps(_ sorted: [LocalTime]) -> [Int] {
        guard sorted.count > 1 else { return [86_400] }
        return zip(sorted, sorted.dropFirst() + [sorted[0]]).map { earlier, later in
            (later.secondOfDay - earlier.secondOfDay + 86_400) % 86_400
        }
    }

    /// Whether a notification scheduled `minutes` after each slot is still taken for that slot: it must
    /// come before the next slot's skew tolerance begins (`slot(forScheduled:)`). Terraform refuses the
    /// offsets this refuses (`notification_offset_minutes`).
    public func acceptsNotificationOffset(minutes: Int) -> Bool {
        (1...59).contains(minutes) && Self.gaps(times).allSatisfy { minutes * 60 + Int(Self.skewToleranceSeconds) < $0 }
    }

    /// Reads `HH:MM[,HH:MM…]`; spaces around entries are allowed, seconds are not (slot ids are per minute).
    public init(parsing text: String, zone: ZoneRules) throws(CheckSlotsError) {
        guard text.utf8.count <= 1024 else { throw CheckSlotsError(text, "too long") }
        var times: [LocalTime] = []
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = entry.trimming { $0 == " " || $0 == "\t" }
            guard trimmed.utf8.count == 5, let time = try? LocalTime(parsing: trimmed) else {
                throw CheckSlotsError(text, "\"\(TimeParseError.quotable(trimmed))\" is not a time HH:MM")
            }
            times.append(time)
        }
        try self.init(times: times, zone: zone)
    }

    /// The slot at `time` on `date`, or nil when `time` is not a configured slot time.
    public func slot(on date: LocalDate, at time: LocalTime) -> CheckSlot? {
        guard times.contains(time) else { return nil }
        return makeSlot(date, time)
    }

    /// The slot a local date-time names exactly (a manual `{"slot": "2026-11-25T09:00"}`), or nil.
    public func slot(at local: LocalDateTime) -> CheckSlot? { slot(on: local.date, at: local.time) }

    /// The slot of a scheduled instant: the latest slot whose instant is at or before it, allowing
    /// `skewToleranceSeconds` of earliness; possibly a slot of the previous local day (00:30 belongs to
    /// yesterday's 20:00). Comparing instants rather than wall times keeps this consistent with
    /// `window(of:)` on days with a DST change.
    public func slot(forScheduled instant: Instant) -> CheckSlot {
        let reference = instant.adding(seconds: Self.skewToleranceSeconds)
        let day = zone.localDate(at: reference)
        var best: CheckSlot?
        // Yesterday and tomorrow too: a DST shift can move a slot's instant across the local midnight.
        for date in [day.previous, day, day.next] {
            for time in times {
                let candidate = makeSlot(date, time)
                if candidate.instant <= reference, best.map({ candidate.instant >= $0.instant }) ?? true {
                    best = candidate
                }
            }
        }
        // Unreachable for real dates (yesterday always has a slot before today), kept total for the
        // clamped ends of the instant range.
        return best ?? makeSlot(day.previous, times[0])
    }

    /// The slot before `slot`: for 09:00 the previous day's 20:00, for 20:00 the same day's 09:00.
    public func previous(before slot: CheckSlot) -> CheckSlot {
        if let time = times.last(where: { $0 < slot.time }) { return makeSlot(slot.date, time) }
        return makeSlot(slot.date.previous, times[times.count - 1])
    }

    /// The slot after `slot`.
    public func next(after slot: CheckSlot) -> CheckSlot {
        if let time = times.first(where: { $0 > slot.time }) { return makeSlot(slot.date, time) }
        return makeSlot(slot.date.next, times[0])
    }

    /// `[previous slot, this slot)`: the alerts a notification for this slot summarises. Its length follows
    /// DST changes (12 h instead of 13 on a spring-forward night in New York, for 20:00 → 09:00).
    public func window(of slot: CheckSlot) -> TimeWindow {
        TimeWindow(start: previous(before: slot).instant, end: slot.instant)
    }

    public var description: String {
        times.map(\.hourMinute).joined(separator: ",") + " " + zone.identifier
    }

    private func makeSlot(_ date: LocalDate, _ time: LocalTime) -> CheckSlot {
        let local = LocalDateTime(date: date, time: time)
        return CheckSlot(local: local, instant: zone.instant(for: local))
    }
}
