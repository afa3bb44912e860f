import Testing
@testable import CivilTime

@Suite struct LocalDateTests {
    @Test func parsesAndFormatsISODates() throws {
        let date = try LocalDate(parsing: "2026-11-25")
        #expect(date == LocalDate(year: 2026, month: 11, day: 25))
        #expect(date.description == "2026-11-25")
        #expect(LocalDate(year: 7, month: 3, day: 1)?.description == "0007-03-01")
    }

    @Test(arguments: ["", "2026-11-5", "2026-1-05", "26-11-25", "2026/11/25", "2026-13-01", "2026-02-29", "2026-11-25T00:00",
                      "2026-11-25 ", " 2026-11-25", "２０２６-11-25", "2026-00-10", "2026-04-31"])
    func rejectsMalformedDates(text: String) {
        #expect(throws: TimeParseError.self) { try LocalDate(parsing: text) }
    }

    @Test func leapDaysFollowTheGregorianRule() {
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2100, month: 2, day: 29) == nil)
    }

    @Test func dayCountsMatchKnownDates() {
        #expect(LocalDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(LocalDate(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
        #expect(LocalDate(year: 2000, month: 3, day: 1)?.daysSinceEpoch == 11_017)
        #expect(LocalDate(year: 2026, month: 11, day: 25)?.daysSinceEpoch == 20_782)
        #expect(LocalDate(year: 1, month: 1, day: 1)?.daysSinceEpoch == -719_162)
        #expect(LocalDate(year: 9999, month: 12, day: 31)?.daysSinceEpoch == 2_932_896)
    }

    @Test func dayCountsRoundTripAcrossCenturies() {
        for days in stride(from: Int64(-800_000), through: 3_000_000, by: 997) {
            let date = LocalDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            #expect(LocalDate(year: date.year, month: date.month, day: date.day) == date)
        }
    }

    @Test func nextAndPreviousCrossMonthsYearsAndLeapDays() {
        #expect(LocalDate(year: 2026, month: 12, day: 31)?.next.description == "2027-01-01")
        #expect(LocalDate(year: 2027, month: 1, day: 1)?.previous.description == "2026-12-31")
        #expect(LocalDate(year: 2024, month: 2, day: 28)?.next.description == "2024-02-29")
        #expect(LocalDate(year: 2024, month: 3, day: 1)?.previous.description == "2024-02-29")
        #expect(LocalDate(year: 2023, month: 3, day: 1)?.previous.description == "2023-02-28")
    }

    @Test func weekdaysAndOrdering() throws {
        #expect(try LocalDate(parsing: "2026-11-25").weekday == 3)  // a Wednesday
        #expect(try LocalDate(parsing: "1970-01-01").weekday == 4)
        #expect(try LocalDate(parsing: "1969-12-28").weekday == 0)
        let dates = try ["2026-11-25", "2025-12-31", "2026-01-01", "2026-11-24"].map { try LocalDate(parsing: $0) }
        #expect(dates.sorted().map(\.description) == ["2025-12-31", "2026-01-01", "2026-11-24", "2026-11-25"])
    }
}

@Suite struct LocalTimeTests {
    @Test func parsesHoursMinutesAndOptionalSeconds() throws {
        #expect(try LocalTime(parsing: "09:00") == LocalTime(hour: 9, minute: 0))
        #expect(try LocalTime(parsing: "23:59:59").secondOfDay == 86_399)
        #expect(try LocalTime(parsing: "20:00").description == "20:00")
        #expect(try LocalTime(parsing: "20:00:05").description == "20:00:05")
    }

    @Test(arguments: ["9:00", "24:00", "12:60", "12:00:60", "12", "12:0", "-1:00", "12:00Z", "", "12:00:00.5"])
    func rejectsMalformedTimes(text: String) {
        #expect(throws: TimeParseError.self) { try LocalTime(parsing: text) }
    }
}

@Suite struct LocalDateTimeTests {
    @Test func parsesSlotsAndFormatsThem() throws {
        let value = try LocalDateTime(parsing: "2026-11-25T09:00")
        #expect(value.description == "2026-11-25T09:00")
        #expect(value.minutePrecision == "2026-11-25T09:00")
        #expect(try LocalDateTime(parsing: "2026-11-25 09:00:30").description == "2026-11-25T09:00:30")
    }

    @Test(arguments: ["2026-11-25T09:00Z", "2026-11-25T09:00+09:00", "2026-11-25", "2026-11-25T", "2026-11-25T9:00", "2026-11-25X09:00"])
    func refusesOffsetsAndGarbage(text: String) {
        #expect(throws: TimeParseError.self) { try LocalDateTime(parsing: text) }
    }

    @Test func localSecondsRoundTripBeforeAndAfterTheEpoch() {
        for seconds in [Int64(-1), 0, 86_399, 86_400, -86_401, 1_795_000_000, -2_000_000_000] {
            #expect(LocalDateTime(localSecondsSinceEpoch: seconds).localSecondsSinceEpoch == seconds)
        }
        #expect(LocalDateTime(localSecondsSinceEpoch: -1).description == "1969-12-31T23:59:59")
    }

    @Test func codableUsesTheTextForms() throws {
        let value = try LocalDateTime(parsing: "2026-11-25T20:00")
        #expect(try JSONRoundTrip.encode(value) == "\"2026-11-25T20:00\"")
        #expect(try JSONRoundTrip.decode(LocalDate.self, "\"2026-11-25\"") == LocalDate(year: 2026, month: 11, day: 25))
        #expect(throws: (any Error).self) { try JSONRoundTrip.decode(LocalDate.self, "\"2026-02-30\"") }
    }
}
