import Foundation
import OpsCore
import Testing

/// The rules of SPEC §5 for turning a webhook body into a stored alert.
@Suite struct AlertParserTests {
    /// A fixed +9 h zone is enough here; real zone rules are tested with the time layer.
    let parser = AlertParser(retentionDays: 400) { milliseconds in
        let day = Date(timeIntervalSince1970: Double(milliseconds) / 1000 + 9 * 3600)
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: day)
    }
    let received: Int64 = 1_764_031_000_000

    func parse(_ object: [String: Any]) throws -> Alert {
        try parser.parse(body: Array(try JSONSerialization.data(withJSONObject: object)), receivedAt: received)
    }

    @Test func aCompletePayloadIsTyped() throws {
        let alert = try parse([
            "id": "7147706474715013118", "monitor_id": "126239710", "alert_cycle_key": "cycle-1",
            "transition": "Triggered", "priority": "P2", "date": "1764030600000", "last_updated": "1764030500000",
            "tags": "monitor, team:argos,monitor:DB-MySQL-CPU-TooHigh-01 ,  env:prd", "alert_title": "[P2][DB] CPU high",
        ])
        #expect(alert.eventID == "7147706474715013118")
        #expect(alert.pk == "EVENT#7147706474715013118")
        #expect(alert.sk == "ALERT")
        #expect(alert.eventTime == 1_764_030_600_000)
        #expect(alert.lastUpdated == 1_764_030_500_000)
        #expect(alert.at == "1764030600000#7147706474715013118")
        #expect(alert.day == "2025-11-25")
        #expect(alert.priority == 2)
        #expect(alert.transition == "triggered")
        #expect(alert.tags == ["monitor", "team:argos", "monitor:DB-MySQL-CPU-TooHigh-01", "env:prd"])
        #expect(alert.flags.isEmpty)
        #expect(!alert.isTest)
        #expect(alert.expiresAt == 1_764_030_600 + 400 * 86_400)
    }

    @Test func anEventAt0030UTCLandsOnTheKoreanDayOf0930() throws {
        // 2026-11-24T00:30:00Z is 09:30 on 2026-11-24 in Seoul.
        let alert = try parse(["id": "1", "date": "1795480200000"])
        #expect(alert.day == "2026-11-24")
        let evening = try parse(["id": "2", "date": "1795530600000"])  // 2026-11-24T14:30Z = 23:30 KST
        #expect(evening.day == "2026-11-24")
        let afterMidnight = try parse(["id": "3", "date": "1795534200000"])  // 15:30Z = 00:30 KST next day
        #expect(afterMidnight.day == "2026-11-25")
    }

    @Test func placeholdersAndEmptyValuesAreMissing() throws {
        let alert = try parse(["id": "$ID", "monitor_id": "$ALERT_ID", "priority": "", "date": "$DATE", "hostname": "  "])
        #expect(alert.eventID.hasPrefix("sha256-"))
        #expect(alert.monitorID == nil)
        #expect(alert.priority == nil)
        #expect(alert.hostname == nil)
        #expect(alert.eventTime == received)
        #expect(alert.flags.contains("missing_id"))
        #expect(alert.flags.contains("missing_date"))
    }

    @Test func theFallbackIDIsDeterministic() throws {
        let body = Array(#"{"alert_title":"no id here"}"#.utf8)
        let first = try parser.parse(body: body, receivedAt: 1)
        let second = try parser.parse(body: body, receivedAt: 2)
        #expect(first.eventID == second.eventID)
        #expect(first.eventID.count == "sha256-".count + 64)
    }

    @Test(arguments: [("not-a-number", "invalid_date"), ("-5", "invalid_date"), ("99999999999999999999", "invalid_date")])
    func garbledDatesFallBackToTheReceiveTime(date: String, flag: String) throws {
        let alert = try parse(["id": "1", "date": date])
        #expect(alert.eventTime == received)
        #expect(alert.flags.contains(flag))
    }

    @Test func epochSecondsAreScaledAndFlagged() throws {
        let alert = try parse(["id": "1", "date": "1764030600"])
        #expect(alert.eventTime == 1_764_030_600_000)
        #expect(alert.flags.contains("date_in_seconds"))
        #expect(!alert.flags.contains("invalid_date"))
    }

    @Test func nineteenDigitIDsKeepEveryDigitEvenAsNumbers() throws {
        let alert = try parser.parse(body: Array(#"{"id": 9223372036854775807, "monitor_id": 126239710}"#.utf8), receivedAt: received)
        #expect(alert.eventID == "9223372036854775807")
        #expect(alert.monitorID == "126239710")
        let larger = try parser.parse(body: Array(#"{"id": 18446744073709551615}"#.utf8), receivedAt: received)
        #expect(larger.eventID == "18446744073709551615")
    }

    @Test(arguments: [
        ("Triggered", "triggered"), ("Re-Triggered", "re-triggered"), ("Warn", "warn"), ("Re-Warn", "re-warn"),
        ("No Data", "no-data"), ("Re-No Data", "re-no-data"), ("Recovered", "recovered"), ("Renotify", "renotify"),
        ("Escalated", "other"),
    ])
    func transitionsAreNormalisedWithTheRawValueKept(raw: String, name: String) throws {
        let alert = try parse(["id": "1", "transition": raw])
        #expect(alert.transition == name)
        #expect(alert.transitionRaw == raw)
        #expect(alert.flags.contains("unknown_transition") == (name == "other"))
    }

    /// The digest and the report parse stored names and Datadog's spellings on a fast path; anything else
    /// goes through normalisation, with the same answers.
    @Test func storedNamesAndOddSpellingsParseAlike() {
        let known: [AlertTransition] = [.triggered, .reTriggered, .warn, .reWarn, .noData, .reNoData, .recovered, .renotify]
        for transition in known { #expect(AlertTransition(raw: transition.name) == transition, "\(transition.name)") }
        #expect(AlertTransition(raw: "  re-TRIGGERED ") == .reTriggered)
        #expect(AlertTransition(raw: "No   Data") == .noData)
        #expect(AlertTransition(raw: "NoData") == .noData)
        #expect(AlertTransition(raw: "Recovery") == .recovered)
        #expect(AlertTransition(raw: "<!channel>") == .other("<!channel>"))
    }

    @Test func aMissingTransitionIsInferredFromTheEventTitle() throws {
        let alert = try parse(["id": "1", "event_title": "[Recovered] [P2][DB] CPU high"])
        #expect(alert.transition == "recovered")
        #expect(alert.flags.contains("transition_inferred"))
    }

    @Test func testNotificationsAreFlagged() throws {
        let alert = try parse(["id": "1", "alert_title": "[TEST] [P1][System] disk full"])
        #expect(alert.isTest)
        #expect(alert.flags.contains("test"))
    }

    @Test func jsonThatIsNotAnObjectIsStoredFlagged() throws {
        for body in ["[1,2,3]", "\"just a string\"", "42", "null"] {
            let alert = try parser.parse(body: Array(body.utf8), receivedAt: received)
            #expect(alert.flags.contains("not_an_object"))
            #expect(alert.rawBody == body)
        }
    }

    @Test(arguments: ["", "{", "not json", "{\"id\": }", "\u{FF}\u{FE}"])
    func onlyANonJSONBodyIsRefused(body: String) {
        #expect(throws: AlertParser.Failure.self) { try parser.parse(body: Array(body.utf8), receivedAt: 0) }
    }

    @Test func hostileTextIsStoredVerbatim() throws {
        let title = "<script>alert(1)</script> <!channel> '; DROP TABLE alerts; -- 서버 경보"
        let alert = try parse(["id": "1", "alert_title": title, "priority": "P9"])
        #expect(alert.title == title)
        #expect(alert.priority == nil)
        #expect(alert.priorityRaw == "P9")
        #expect(alert.flags.contains("unknown_priority"))
    }

    @Test func longFieldsAreShortenedToFitAnItemButTheRawBodyStaysWhole() throws {
        let message = String(repeating: "가", count: 80_000)  // 240 KB of UTF-8
        let alert = try parse(["id": "1", "text_only_msg": message])
        #expect(alert.flags.contains("truncated"))
        #expect((alert.rawBody?.utf8.count ?? 0) > 240_000)
        #expect((alert.rawBody?.utf8.count ?? 0) + (alert.message?.utf8.count ?? 0) < 400_000)
    }
}
