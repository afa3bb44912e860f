import Testing
@testable import CivilTime

/// Hand-computed zone cases, each checked through both sources of rules where the rules apply.
@Suite struct ZoneRulesTests {
    static let systemTZData = ["/usr/share/zoneinfo"]

    static func tzif(_ name: String) throws -> ZoneRules {
        let zone = try ZoneRules.named(name, tzdataDirectories: systemTZData)
        guard case .tzif = zone.source else { throw ZoneTestError.notFromTZif(name) }
        return zone
    }

    static func builtIn(_ name: String) throws -> ZoneRules {
        try #require(ZoneRules.builtIn(name))
    }

    static func instant(_ text: String) -> Instant { try! Instant(iso8601: text) }

    static func local(_ text: String) -> LocalDateTime { try! LocalDateTime(parsing: text) }

    @Test func seoulIsNineHoursAheadAndHalfPastMidnightUTCIsTheSameLocalDay() throws {
        for zone in [try Self.tzif("Asia/Seoul"), try Self.builtIn("Asia/Seoul")] {
            let instant = Self.instant("2026-11-25T00:30:00Z")
            #expect(zone.offset(at: instant).description == "+09:00")
            #expect(zone.localDateTime(at: instant).description == "2026-11-25T09:30")
            #expect(zone.abbreviation(at: instant) == "KST")
            #expect(zone.displayName(at: instant) == "Asia/Seoul (UTC+09:00)")
            #expect(zone.instant(for: Self.local("2026-11-25T20:00")) == Self.instant("2026-11-25T11:00:00Z"))
            #expect(zone.localDate(at: Self.instant("2026-11-25T14:59:59Z")).description == "2026-11-25")
            #expect(zone.localDate(at: Self.instant("2026-11-25T15:00:00Z")).description == "2026-11-26")
        }
    }

    @Test func spansAreSaidAsBrieflyAsStaysExact() throws {
        let seoul = try Self.tzif("Asia/Seoul")
        let span = { (start: String, end: String) in seoul.displaySpan(from: Self.instant(start), to: Self.instant(end)) }
        #expect(span("2026-11-25T00:00:05Z", "2026-11-25T00:00:59Z") == "2026-11-25 09:00 KST")
        #expect(span("2026-11-25T00:00:05Z", "2026-11-25T00:02:01Z") == "2026-11-25 09:00 – 09:02 KST")
        #expect(span("2026-11-25T14:59:00Z", "2026-11-25T15:01:00Z") == "2026-11-25 23:59 KST – 2026-11-26 00:01 KST")
        #expect(span("1987-05-09T16:59:00Z", "1987-05-09T17:01:00Z") == "1987-05-10 01:59 KST – 1987-05-10 03:01 KDT")
    }

    @Test func seoulObservedDaylightTimeIn1987And1988() throws {
        let zone = try Self.tzif("Asia/Seoul")
        let cases: [(String, String, String)] = [
            ("1987-05-09T16:59:59Z", "KST", "1987-05-10T01:59:59"),
            ("1987-05-09T17:00:00Z", "KDT", "1987-05-10T03:00"),
            ("1987-10-10T16:59:59Z", "KDT", "1987-10-11T02:59:59"),
            ("1987-10-10T17:00:00Z", "KST", "1987-10-11T02:00"),
            ("1988-05-07T17:00:00Z", "KDT", "1988-05-08T03:00"),
            ("1988-10-08T17:00:00Z", "KST", "1988-10-09T02:00"),
            ("1989-07-01T00:00:00Z", "KST", "1989-07-01T09:00"),
        ]
        for (utc, abbreviation, wall) in cases {
            #expect(zone.abbreviation(at: Self.instant(utc)) == abbreviation, "\(utc)")
            #expect(zone.localDateTime(at: Self.instant(utc)).description == wall, "\(utc)")
        }
        // 02:30 on 1987-05-10 never happened in Seoul; the policy moves it an hour later.
        #expect(zone.resolve(Self.local("1987-05-10T02:30")) ==
            .skipped(shiftedForward: Self.instant("1987-05-09T17:30:00Z"), gapSeconds: 3600))
        // 02:30 on 1987-10-11 happened twice.
        #expect(zone.resolve(Self.local("1987-10-11T02:30")) ==
            .repeated(earlier: Self.instant("1987-10-10T16:30:00Z"), later: Self.instant("1987-10-10T17:30:00Z")))
    }

    @Test func newYorkSpringGapAndAutumnOverlap() throws {
        for zone in [try Self.tzif("America/New_York"), try Self.builtIn("America/New_York")] {
            #expect(zone.abbreviation(at: Self.instant("2026-03-08T06:59:59Z")) == "EST")
            #expect(zone.abbreviation(at: Self.instant("2026-03-08T07:00:00Z")) == "EDT")
            #expect(zone.abbreviation(at: Self.instant("2026-11-01T05:59:59Z")) == "EDT")
            #expect(zone.abbreviation(at: Self.instant("2026-11-01T06:00:00Z")) == "EST")
            #expect(zone.resolve(Self.local("2026-03-08T02:30")) ==
                .skipped(shiftedForward: Self.instant("2026-03-08T07:30:00Z"), gapSeconds: 3600))
            let shifted = zone.instant(for: Self.local("2026-03-08T02:30"))
            #expect(shifted.iso8601(offset: zone.offset(at: shifted)) == "2026-03-08T03:30:00-04:00")
            #expect(zone.resolve(Self.local("2026-11-01T01:30")) ==
                .repeated(earlier: Self.instant("2026-11-01T05:30:00Z"), later: Self.instant("2026-11-01T06:30:00Z")))
            #expect(zone.instant(for: Self.local("2026-11-01T01:30")) == Self.instant("2026-11-01T05:30:00Z"))
            #expect(zone.resolve(Self.local("2026-11-01T02:00")) == .unique(Self.instant("2026-11-01T07:00:00Z")))
            #expect(zone.resolve(Self.local("2026-03-08T03:00")) == .unique(Self.instant("2026-03-08T07:00:00Z")))
        }
    }

    @Test func londonAndTheSouthernHemisphere() throws {
        for zone in [try Self.tzif("Europe/London"), try Self.builtIn("Europe/London")] {
            #expect(zone.localDateTime(at: Self.instant("2026-03-29T01:00:00Z")).description == "2026-03-29T02:00")
            #expect(zone.abbreviation(at: Self.instant("2026-10-25T00:59:59Z")) == "BST")
            #expect(zone.abbreviation(at: Self.instant("2026-10-25T01:00:00Z")) == "GMT")
        }
        for zone in [try Self.tzif("Australia/Sydney"), try Self.builtIn("Australia/Sydney")] {
            // DST spans the new year: January is summer time.
            #expect(zone.abbreviation(at: Self.instant("2027-01-01T00:00:00Z")) == "AEDT")
            #expect(zone.abbreviation(at: Self.instant("2026-04-04T15:59:59Z")) == "AEDT")
            #expect(zone.abbreviation(at: Self.instant("2026-04-04T16:00:00Z")) == "AEST")
            #expect(zone.abbreviation(at: Self.instant("2026-10-03T15:59:59Z")) == "AEST")
            #expect(zone.abbreviation(at: Self.instant("2026-10-03T16:00:00Z")) == "AEDT")
            #expect(zone.resolve(Self.local("2026-10-04T02:15")) == .skipped(shiftedForward: Self.instant("2026-10-03T16:15:00Z"), gapSeconds: 3600))
        }
        // Ireland's rule is written with negative DST: winter is the "daylight" part.
        let dublin = try Self.builtIn("Europe/Dublin")
        #expect(dublin.offset(at: Self.instant("2026-01-15T00:00:00Z")) == .zero)
        #expect(dublin.offset(at: Self.instant("2026-07-15T00:00:00Z")).description == "+01:00")
    }

    @Test func kolkataHasAHalfHourOffset() throws {
        for zone in [try Self.tzif("Asia/Kolkata"), try Self.builtIn("Asia/Kolkata")] {
            #expect(zone.localDateTime(at: Self.instant("2026-11-25T00:00:00Z")).description == "2026-11-25T05:30")
            #expect(zone.displayName(at: Self.instant("2026-11-25T00:00:00Z")) == "Asia/Kolkata (UTC+05:30)")
        }
    }

    @Test func startOfDayFollowsTheZone() throws {
        let seoul = try Self.builtIn("Asia/Seoul")
        #expect(seoul.startOfDay(LocalDate(year: 2026, month: 11, day: 25)!) == Self.instant("2026-11-24T15:00:00Z"))
        // São Paulo's DST used to start at midnight: that day began at 01:00.
        let saoPaulo = try Self.tzif("America/Sao_Paulo")
        #expect(saoPaulo.startOfDay(LocalDate(year: 2018, month: 11, day: 4)!) == Self.instant("2018-11-04T03:00:00Z"))
        #expect(saoPaulo.localDateTime(at: Self.instant("2018-11-04T03:00:00Z")).description == "2018-11-04T01:00")
    }

    @Test func extremeInstantsConvertWithoutTrapping() throws {
        for zone in [try Self.tzif("America/New_York"), try Self.builtIn("America/New_York"), try Self.builtIn("Pacific/Auckland")] {
            #expect(zone.localDate(at: Instant(epochMilliseconds: .max)).year >= 9999)
            #expect(zone.localDate(at: Instant(epochMilliseconds: .min)).year <= 1)
            _ = zone.resolve(LocalDateTime(localSecondsSinceEpoch: Instant.latestSupported / 1000))
        }
    }

    @Test func lookupOrderIsTZifThenBuiltInThenFixedOffset() throws {
        #expect(try ZoneRules.named("Asia/Seoul", tzdataDirectories: Self.systemTZData).source == .tzif(path: "/usr/share/zoneinfo/Asia/Seoul"))
        #expect(try ZoneRules.named("Asia/Seoul", tzdataDirectories: ["/nonexistent"]).source == .builtIn(posixTZ: "KST-9"))
        #expect(try ZoneRules.named("Asia/Seoul", environment: ["TZDIR": "/nonexistent"]).source == .tzif(path: "/usr/share/zoneinfo/Asia/Seoul"))
        #expect(ZoneRules.tzdataDirectories(environment: ["TZDIR": "/opt/tz"]) == ["/opt/tz", "/usr/share/zoneinfo"])
        // A symbolic-link alias in tzdata.
        #expect(try ZoneRules.named("ROK", tzdataDirectories: Self.systemTZData).offset(at: Self.instant("2026-01-01T00:00:00Z")).seconds == 32_400)
        let fixed = try ZoneRules.named("+09:00", tzdataDirectories: [])
        #expect(fixed.source == .fixedOffset)
        #expect(fixed.identifier == "UTC+09:00")
        #expect(fixed.displayName(at: Self.instant("2026-01-01T00:00:00Z")) == "UTC+09:00")
    }

    @Test(arguments: [("+09:00", 32_400), ("UTC+9", 32_400), ("UTC+09:00", 32_400), ("UTC-3", -10_800), ("-03:30", -12_600),
                      ("+0545", 20_700), ("+09", 32_400), ("Etc/GMT-9", 32_400), ("Etc/GMT+5", -18_000), ("Etc/GMT-14", 50_400),
                      ("UTC", 0), ("Etc/UTC", 0), ("GMT", 0)])
    func fixedOffsetsAndEtcZonesWithoutTZData(name: String, seconds: Int) throws {
        let zone = try ZoneRules.named(name, tzdataDirectories: [])
        #expect(zone.offset(at: Self.instant("2026-06-01T00:00:00Z")).seconds == seconds)
        #expect(zone.offset(at: Self.instant("2026-12-01T00:00:00Z")).seconds == seconds)
    }

    @Test func etcZonesAgreeWithTZData() throws {
        for hours in -14...12 where hours != 0 {
            let name = "Etc/GMT\(hours > 0 ? "+" : "")\(hours)"
            let reference = try Self.tzif(name)
            let builtIn = try Self.builtIn(name)
            let instant = Self.instant("2026-06-01T00:00:00Z")
            #expect(builtIn.localTimeType(at: instant) == reference.localTimeType(at: instant), "\(name)")
        }
    }

    @Test func everyBuiltInRuleParsesAndMatchesTZDataToday() throws {
        let instants = ["2026-01-15T12:00:00Z", "2026-07-15T12:00:00Z", "2031-03-30T00:30:00Z"].map(Self.instant)
        for name in BuiltInZones.identifiers {
            let builtIn = try #require(ZoneRules.builtIn(name), "\(name)")
            guard let reference = try? Self.tzif(name) else { continue }  // names some tzdata builds lack
            for instant in instants {
                #expect(builtIn.offset(at: instant) == reference.offset(at: instant), "\(name) at \(instant)")
            }
        }
    }

    @Test(arguments: ["Mars/Olympus_Mons", "Asia/Seoull", "GMT+9", "UTC+25", "KST", "+9:00", "UTC+9:0", "Etc/GMT-15", "Etc/GMT+13", "Etc/GMT-09"])
    func unknownZonesAreATypedErrorNamingTheValue(name: String) {
        do {
            _ = try ZoneRules.named(name, tzdataDirectories: Self.systemTZData)
            Issue.record("accepted \(name)")
        } catch {
            #expect(error == .unknownZone(name))
            #expect(error.description.contains("\"\(name)\""))
        }
    }

    @Test(arguments: ["", " ", "Asia/ Seoul", "Asia/Seoul\n", String(repeating: "A", count: 300)])
    func namesThatCannotBeZonesAreRefused(name: String) {
        #expect(throws: ZoneError.invalidName(name)) { try ZoneRules.named(name, tzdataDirectories: Self.systemTZData) }
    }

    @Test(arguments: ["../../../etc/passwd", "/etc/passwd", "Asia/../../../../etc/passwd", "./UTC", "Asia//Seoul", "zone.tab", "tzdata.zi"])
    func pathsOutsideTZDataOrNonTZifFilesAreNotZones(name: String) {
        #expect(throws: ZoneError.self) { try ZoneRules.named(name, tzdataDirectories: Self.systemTZData) }
    }
}

enum ZoneTestError: Error {
    case notFromTZif(String)
}
