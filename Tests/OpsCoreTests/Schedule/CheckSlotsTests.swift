import CivilTime
import Testing
@testable import OpsCore

@Suite struct CheckSlotsTests {
    static let seoul = ZoneRules.builtIn("Asia/Seoul")!
    static let newYork = ZoneRules.builtIn("America/New_York")!
    static let london = ZoneRules.builtIn("Europe/London")!

    static func slots(_ text: String = "09:00,20:00", zone: ZoneRules = seoul) -> CheckSlots {
        try! CheckSlots(parsing: text, zone: zone)
    }

    static func at(_ text: String) -> Instant { try! Instant(iso8601: text) }

    @Test func parsingSortsAndAllowsSpacesAroundEntries() throws {
        let slots = try CheckSlots(parsing: " 20:00, 09:00 ", zone: Self.seoul)
        #expect(slots.times.map(\.hourMinute) == ["09:00", "20:00"])
        #expect(try CheckSlots(parsing: "00:00", zone: Self.seoul).times.count == 1)
    }

    /// Terraform makes one schedule per slot and refuses a repeated time; the functions agree.
    @Test func aRepeatedTimeIsRefused() {
        #expect(throws: CheckSlotsError.self) { try CheckSlots(parsing: " 20:00, 09:00 ,20:00", zone: Self.seoul) }
    }

    /// A notification `offset` minutes after its slot must come before the next slot's 5 minutes of skew.
    @Test func notificationOffsetsMustStayWithinTheirSlot() throws {
        let twice = try CheckSlots(parsing: "09:00,20:00", zone: Self.seoul)
        #expect(twice.acceptsNotificationOffset(minutes: 5) && twice.acceptsNotificationOffset(minutes: 59))
        #expect(!twice.acceptsNotificationOffset(minutes: 0) && !twice.acceptsNotificationOffset(minutes: 60))
        let close = try CheckSlots(parsing: "09:00,09:15", zone: Self.seoul)
        #expect(close.acceptsNotificationOffset(minutes: 9))
        #expect(!close.acceptsNotificationOffset(minutes: 10))
        // Taken at face value: 09:10 + 5 min skew reaches 09:15 and would be the next slot's.
        #expect(close.slot(forScheduled: close.slot(on: LocalDate(year: 2026, month: 11, day: 25)!, at: close.times[0])!.instant
            .adding(seconds: 10 * 60)).time == close.times[1])
    }

    @Test(arguments: ["", " ", "9:00", "09:00,", ",09:00", "09:00;20:00", "24:00", "09:60", "09:00:00", "09:00,09:10",
                      "23:55,00:05", "noon", "09:00,09:00", String(repeating: "09:00,", count: 500)])
    func invalidConfigurationIsATypedErrorQuotingTheText(text: String) {
        do {
            _ = try CheckSlots(parsing: text, zone: Self.seoul)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.contains("invalid check slots \"\(TimeParseError.quotable(text))\""))
        }
    }

    @Test func slotsAreWholeMinutes() {
        #expect(throws: CheckSlotsError.self) { try CheckSlots(times: [LocalTime(hour: 9, minute: 0, second: 30)!], zone: Self.seoul) }
        #expect(throws: CheckSlotsError.self) { try CheckSlots(times: [], zone: Self.seoul) }
    }

    @Test func aSlotIsTheLatestAtOrBeforeTheScheduledInstant() {
        let slots = Self.slots()
        // 00:00 UTC is 09:00 KST: the morning slot.
        #expect(slots.slot(forScheduled: Self.at("2026-11-25T00:00:00Z")).id == "2026-11-25T09:00")
        // 00:30 UTC is 09:30 KST, still the morning slot of the same local day.
        #expect(slots.slot(forScheduled: Self.at("2026-11-25T00:30:00Z")).id == "2026-11-25T09:00")
        // The notification at 09:05 belongs to the 09:00 check.
        #expect(slots.slot(forScheduled: Self.at("2026-11-25T00:05:00Z")).id == "2026-11-25T09:00")
        // 20:00 KST is 11:00 UTC.
        let evening = slots.slot(forScheduled: Self.at("2026-11-25T11:00:00Z"))
        #expect(evening.id == "2026-11-25T20:00")
        #expect(evening.instant == Self.at("2026-11-25T11:00:00Z"))
        // 02:00 KST on the 26th still belongs to the 25th's evening slot.
        #expect(slots.slot(forScheduled: Self.at("2026-11-25T17:00:00Z")).id == "2026-11-25T20:00")
    }

    @Test func clockSkewOfUpToFiveMinutesBeforeASlotBelongsToIt() {
        let slots = Self.slots()
        #expect(slots.slot(forScheduled: Self.at("2026-11-24T23:59:58Z")).id == "2026-11-25T09:00")
        #expect(slots.slot(forScheduled: Self.at("2026-11-24T23:55:00Z")).id == "2026-11-25T09:00")
        #expect(slots.slot(forScheduled: Self.at("2026-11-24T23:54:59.999Z")).id == "2026-11-24T20:00")
        #expect(CheckSlots.skewToleranceSeconds == 300)
    }

    @Test func previousSlotAndWindow() {
        let slots = Self.slots()
        let morning = slots.slot(on: LocalDate(year: 2026, month: 11, day: 25)!, at: LocalTime(hour: 9, minute: 0)!)!
        #expect(slots.previous(before: morning).id == "2026-11-24T20:00")
        #expect(slots.window(of: morning) == TimeWindow(start: Self.at("2026-11-24T11:00:00Z"), end: Self.at("2026-11-25T00:00:00Z")))
        #expect(slots.window(of: morning).description == "[2026-11-24T11:00:00Z, 2026-11-25T00:00:00Z)")
        let evening = slots.next(after: morning)
        #expect(evening.id == "2026-11-25T20:00")
        #expect(slots.previous(before: evening) == morning)
        #expect(slots.window(of: evening).durationMilliseconds == 11 * 3_600_000)
        #expect(slots.next(after: evening).id == "2026-11-26T09:00")
        #expect(slots.window(of: morning).contains(Self.at("2026-11-24T11:00:00Z")))
        #expect(!slots.window(of: morning).contains(Self.at("2026-11-25T00:00:00Z")))
    }

    @Test func aSingleSlotsWindowIsOneDay() {
        let slots = Self.slots("09:00")
        let slot = slots.slot(forScheduled: Self.at("2026-11-25T03:00:00Z"))
        #expect(slot.id == "2026-11-25T09:00")
        #expect(slots.previous(before: slot).id == "2026-11-24T09:00")
        #expect(slots.window(of: slot).durationMilliseconds == 24 * 3_600_000)
    }

    @Test func windowsFollowDaylightSavingChanges() {
        let slots = Self.slots(zone: Self.newYork)
        // Spring forward on 2026-03-08 (02:00 → 03:00): 20:00 EST → 09:00 EDT is 12 h, not 13.
        let springMorning = slots.slot(forScheduled: Self.at("2026-03-08T13:00:00Z"))
        #expect(springMorning.id == "2026-03-08T09:00")
        #expect(slots.window(of: springMorning) == TimeWindow(start: Self.at("2026-03-08T01:00:00Z"), end: Self.at("2026-03-08T13:00:00Z")))
        // Fall back on 2026-11-01: 20:00 EDT → 09:00 EST is 14 h.
        let fallMorning = slots.slot(forScheduled: Self.at("2026-11-01T14:00:00Z"))
        #expect(fallMorning.id == "2026-11-01T09:00")
        #expect(slots.window(of: fallMorning).durationMilliseconds == 14 * 3_600_000)
        // Consecutive windows tile time with no gap or overlap across the change.
        var slot = slots.slot(forScheduled: Self.at("2026-10-30T00:00:00Z"))
        for _ in 0..<10 {
            let next = slots.next(after: slot)
            #expect(slots.window(of: next).start == slots.window(of: slot).end)
            slot = next
        }
    }

    @Test func slotsInsideAGapOrAnOverlapFollowThePolicy() {
        let slots = Self.slots("01:30,20:00", zone: Self.london)
        // 01:30 did not exist in London on 2026-03-29: the slot runs at 02:30 BST (01:30 UTC).
        let gap = slots.slot(on: LocalDate(year: 2026, month: 3, day: 29)!, at: LocalTime(hour: 1, minute: 30)!)!
        #expect(gap.instant == Self.at("2026-03-29T01:30:00Z"))
        #expect(slots.slot(forScheduled: Self.at("2026-03-29T01:30:00Z")) == gap)
        #expect(slots.slot(forScheduled: Self.at("2026-03-29T01:10:00Z")).id == "2026-03-28T20:00")
        // 01:30 happened twice on 2026-10-25: the slot is the first, 01:30 BST (00:30 UTC).
        let overlap = slots.slot(on: LocalDate(year: 2026, month: 10, day: 25)!, at: LocalTime(hour: 1, minute: 30)!)!
        #expect(overlap.instant == Self.at("2026-10-25T00:30:00Z"))
        // A run scheduled at the second 01:30 (GMT) keeps the same slot id, so it overwrites, not duplicates.
        #expect(slots.slot(forScheduled: Self.at("2026-10-25T01:30:00Z")).id == "2026-10-25T01:30")
    }

    @Test func manualSlotsMustBeConfiguredTimes() throws {
        let slots = Self.slots()
        #expect(slots.slot(at: try LocalDateTime(parsing: "2026-11-25T09:00"))?.instant == Self.at("2026-11-25T00:00:00Z"))
        #expect(slots.slot(at: try LocalDateTime(parsing: "2026-11-25T09:30")) == nil)
        #expect(slots.slot(at: try LocalDateTime(parsing: "2026-11-25T09:00:01")) == nil)
    }

    @Test func slotIdsSortAsText() {
        let slots = Self.slots()
        var slot = slots.slot(forScheduled: Self.at("2026-12-30T00:00:00Z"))
        var ids: [String] = []
        for _ in 0..<6 {
            ids.append(slot.id)
            slot = slots.next(after: slot)
        }
        #expect(ids == ["2026-12-30T09:00", "2026-12-30T20:00", "2026-12-31T09:00", "2026-12-31T20:00", "2027-01-01T09:00", "2027-01-01T20:00"])
        #expect(ids.sorted() == ids)
    }
}
