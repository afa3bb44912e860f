import Testing
@testable import CivilTime

@Suite struct InstantTests {
    @Test(arguments: [
        ("2026-11-25T00:00:00Z", Int64(1_795_564_800_000)),
        ("2026-11-25T09:00:00+09:00", 1_795_564_800_000),
        ("2026-11-24T19:00:00-05:00", 1_795_564_800_000),
        ("2026-11-25T05:30:00+0530", 1_795_564_800_000),
        ("2026-11-25T09:00:00+09", 1_795_564_800_000),
        ("2026-11-25T00:00:00.123Z", 1_795_564_800_123),
        ("2026-11-25T00:00:00.1Z", 1_795_564_800_100),
        ("2026-11-25T00:00:00.123456789Z", 1_795_564_800_123),
        ("2026-11-25T00:00:00,5Z", 1_795_564_800_500),
        ("2026-11-25t00:00:00z", 1_795_564_800_000),
        ("2026-11-25 00:00:00Z", 1_795_564_800_000),
        ("1970-01-01T00:00:00Z", 0),
        ("1969-12-31T23:59:59.999Z", -1),
        ("2026-11-25T00:00:00-00:00", 1_795_564_800_000),
    ])
    func parsesRFC3339(text: String, milliseconds: Int64) throws {
        #expect(try Instant(iso8601: text).epochMilliseconds == milliseconds)
    }

    @Test(arguments: [
        "", "garbage", "2026-11-25", "2026-11-25T00:00:00", "2026-11-25T00:00Z", "2026-11-25T24:00:00Z",
        "2026-11-25T00:00:60Z", "2026-02-30T00:00:00Z", "2026-11-25T00:00:00.Z", "2026-11-25T00:00:00.1234567890Z",
        "2026-11-25T00:00:00+9:00", "2026-11-25T00:00:00+09:60", "2026-11-25T00:00:00+19:00", "2026-11-25T00:00:00Z ",
        "+2026-11-25T00:00:00Z", "2026-11-25T00:00:00ZZ", "0000-01-01T00:00:00Z",
        String(repeating: "2026-11-25T00:00:00Z", count: 10_000),
    ])
    func rejectsGarbageWithATypedError(text: String) {
        #expect(throws: TimeParseError.self) { try Instant(iso8601: text) }
    }

    @Test func errorsQuoteOnlyAShortPrefix() {
        do {
            _ = try Instant(iso8601: String(repeating: "x", count: 100_000))
            Issue.record("accepted")
        } catch {
            #expect(error.description.count < 300)
            #expect(error.kind == .instant)
        }
    }

    @Test func formatsUTCAndOffsets() {
        let instant = Instant(epochMilliseconds: 1_795_564_800_123)
        #expect(instant.iso8601() == "2026-11-25T00:00:00Z")
        #expect(instant.iso8601(milliseconds: true) == "2026-11-25T00:00:00.123Z")
        #expect(instant.iso8601(offset: UTCOffset(hours: 9)!) == "2026-11-25T09:00:00+09:00")
        #expect(Instant(epochMilliseconds: -1).iso8601(milliseconds: true) == "1969-12-31T23:59:59.999Z")
    }

    @Test func formattingRoundTrips() throws {
        for milliseconds in stride(from: Int64(-62_000_000_000_000), through: 253_000_000_000_000, by: 7_919_999_999_937) {
            let instant = Instant(epochMilliseconds: milliseconds)
            #expect(try Instant(iso8601: instant.iso8601(milliseconds: true)) == instant)
        }
    }

    @Test func hostileEpochValuesAreClampedNotTrapping() {
        let huge = Instant(epochMilliseconds: .max)
        #expect(huge.epochMilliseconds == Instant.latestSupported)
        #expect(huge.iso8601(milliseconds: true) == "9999-12-31T23:59:59.999Z")
        #expect(Instant(epochMilliseconds: .min).iso8601() == "0001-01-01T00:00:00Z")
        #expect(Instant(exactly: .max) == nil)
        #expect(Instant(exactly: 1_795_564_800_000) != nil)
        #expect(Instant(epochSeconds: .max) == huge)
        #expect(huge.adding(seconds: .max) == huge)
        #expect(Instant(epochMilliseconds: .min).adding(milliseconds: .min).epochMilliseconds == Instant.earliestSupported)
    }

    @Test func epochSecondsRoundTowardsThePast() {
        #expect(Instant(epochMilliseconds: -1).epochSeconds == -1)
        #expect(Instant(epochMilliseconds: 1999).epochSeconds == 1)
    }
}

@Suite struct UTCOffsetTests {
    @Test func parsesAndFormats() throws {
        #expect(try UTCOffset(parsing: "+09:00").seconds == 32_400)
        #expect(try UTCOffset(parsing: "-0330").seconds == -12_600)
        #expect(try UTCOffset(parsing: "Z") == .zero)
        #expect(UTCOffset(seconds: 20_700)?.description == "+05:45")
        #expect(UTCOffset(seconds: -30_352)?.description == "-08:25:52")
        #expect(UTCOffset(hours: -3, minutes: 30)?.seconds == -12_600)
        #expect(UTCOffset(seconds: 19 * 3600) == nil)
    }
}
