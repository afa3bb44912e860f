import Testing
@testable import CivilTime

@Suite struct POSIXTimeZoneTests {
    static func zone(_ rule: String) throws -> ZoneRules { try ZoneRules(posixTZ: rule, identifier: rule) }
    static func at(_ text: String) -> Instant { try! Instant(iso8601: text) }

    @Test func readsNamesOffsetsAndTheWestPositiveSign() throws {
        #expect(try Self.zone("KST-9").localTimeType(at: Self.at("2026-01-01T00:00:00Z")) ==
            LocalTimeType(offset: UTCOffset(hours: 9)!, abbreviation: "KST", isDaylightSaving: false))
        #expect(try Self.zone("<+09>-9").abbreviation(at: Self.at("2026-01-01T00:00:00Z")) == "+09")
        #expect(try Self.zone("<-0330>3:30").offset(at: Self.at("2026-01-01T00:00:00Z")).seconds == -12_600)
        #expect(try Self.zone("IST-5:30").offset(at: Self.at("2026-01-01T00:00:00Z")).description == "+05:30")
        #expect(try Self.zone("XXX+3:15:30").offset(at: Self.at("2026-01-01T00:00:00Z")).seconds == -(3 * 3600 + 15 * 60 + 30))
    }

    @Test func monthWeekDayRulesIncludingTheLastWeek() throws {
        let newYork = try Self.zone("EST5EDT,M3.2.0,M11.1.0")
        // Second Sunday of March and first Sunday of November, at 02:00 local.
        #expect(newYork.abbreviation(at: Self.at("2027-03-14T06:59:59Z")) == "EST")
        #expect(newYork.abbreviation(at: Self.at("2027-03-14T07:00:00Z")) == "EDT")
        #expect(newYork.abbreviation(at: Self.at("2027-11-07T05:59:59Z")) == "EDT")
        #expect(newYork.abbreviation(at: Self.at("2027-11-07T06:00:00Z")) == "EST")
        // M10.5.0 in 2026 is 25 October (the month has four Sundays after the 4th... and the 25th is the last).
        let paris = try Self.zone("CET-1CEST,M3.5.0,M10.5.0/3")
        #expect(paris.abbreviation(at: Self.at("2026-10-25T00:59:59Z")) == "CEST")
        #expect(paris.abbreviation(at: Self.at("2026-10-25T01:00:00Z")) == "CET")
        #expect(paris.abbreviation(at: Self.at("2026-03-29T01:00:00Z")) == "CEST")
    }

    @Test func julianRulesSkipOrCountTheLeapDay() throws {
        // J60 is 1 March in every year; 59 (zero-based) is 29 February in a leap year.
        let julian = try Self.zone("AAA0BBB,J60/0,J300/0")
        #expect(julian.localDateTime(at: Self.at("2024-03-01T00:00:00Z")).description == "2024-03-01T01:00")
        #expect(julian.abbreviation(at: Self.at("2024-02-29T23:59:59Z")) == "AAA")
        let zeroBased = try Self.zone("AAA0BBB,59/0,299/0")
        #expect(zeroBased.abbreviation(at: Self.at("2024-02-29T00:00:00Z")) == "BBB")
        #expect(zeroBased.abbreviation(at: Self.at("2023-02-28T23:59:59Z")) == "AAA")
        #expect(zeroBased.abbreviation(at: Self.at("2023-03-01T00:00:00Z")) == "BBB")
    }

    @Test func southernHemisphereDaylightSpansTheNewYear() throws {
        let sydney = try Self.zone("AEST-10AEDT,M10.1.0,M4.1.0/3")
        #expect(sydney.abbreviation(at: Self.at("2026-12-31T23:59:59Z")) == "AEDT")
        #expect(sydney.abbreviation(at: Self.at("2027-01-01T00:00:00Z")) == "AEDT")
        #expect(sydney.abbreviation(at: Self.at("2026-06-30T00:00:00Z")) == "AEST")
        let transitions = try #require({ () -> POSIXTimeZone? in
            if case .posix(let rules) = sydney.rules { return rules } else { return nil }
        }()).transitions(after: Self.at("2026-01-01T00:00:00Z").epochSeconds, through: Self.at("2027-01-01T00:00:00Z").epochSeconds)
        #expect(transitions.map { Instant(epochSeconds: $0.at).iso8601() } == ["2026-04-04T16:00:00Z", "2026-10-03T16:00:00Z"])
    }

    @Test func extendedRuleTimesAndExplicitDaylightOffsets() throws {
        // Greenland's footer (tzfile(5) v3): negative rule times.
        let nuuk = try Self.zone("<-02>2<-01>,M3.5.0/-1,M10.5.0/0")
        #expect(nuuk.offset(at: Self.at("2026-03-28T23:59:59Z")).seconds == -7200)
        #expect(nuuk.offset(at: Self.at("2026-03-29T01:00:00Z")).seconds == -3600)
        // Lord Howe: half-hour daylight saving.
        let lordHowe = try Self.zone("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0")
        #expect(lordHowe.offset(at: Self.at("2026-01-01T00:00:00Z")).seconds == 11 * 3600)
        // All-year daylight time (RFC 8536 §3.3.1).
        let permanent = try Self.zone("EST5EDT,0/0,J365/25")
        for text in ["2026-01-01T00:00:00Z", "2026-01-01T05:00:00Z", "2026-07-01T00:00:00Z", "2026-12-31T23:00:00Z"] {
            #expect(permanent.abbreviation(at: Self.at(text)) == "EDT", "\(text)")
        }
    }

    @Test(arguments: ["", "K9", "KST", "KST-", "KST-25", "<+9>-9", "<+09-9", "EST5EDT", "EST5EDT,M3.2.0", "EST5EDT,M13.2.0,M11.1.0",
                      "EST5EDT,M3.6.0,M11.1.0", "EST5EDT,M3.2.7,M11.1.0", "EST5EDT,J0,J365", "EST5EDT,366,1", "EST5EDT,M3.2.0/168,M11.1.0",
                      "EST5EDT,M3.2.0,M11.1.0,", "KST-9 ", "KST-9:60", "EST5EDT4:00:60,M3.2.0,M11.1.0", String(repeating: "A", count: 200) + "0"])
    func malformedStringsAreRefused(rule: String) {
        #expect(throws: ZoneError.self) { try ZoneRules(posixTZ: rule, identifier: "X") }
    }
}
