/// Reader for POSIX TZ strings as POSIX (XBD §8.3) and tzfile(5)/RFC 8536 §3.3 define them:
/// `std offset [dst [offset] [,start[/time],end[/time]]]`, names alphabetic (`KST`) or quoted (`<+09>`),
/// offsets positive *west* of Greenwich, rule times of −167…167 hours.
extension POSIXTimeZone {
    /// Nil when the text is not a TZ string this reader understands. A daylight name without rules is
    /// refused rather than guessed (POSIX leaves those rules to the implementation).
    init?(parsing text: String) {
        guard text.utf8.count <= 128 else { return nil }
        var scanner = ASCIIScanner(text)
        guard let standardName = Self.readName(&scanner),
              let standardOffset = Self.readOffset(&scanner)
        else { return nil }
        let standard = LocalTimeType(offset: standardOffset, abbreviation: standardName, isDaylightSaving: false)
        if scanner.isAtEnd {
            self.init(standard: standard, daylight: nil)
            return
        }
        guard let daylightName = Self.readName(&scanner) else { return nil }
        var daylightOffset = UTCOffset(seconds: standardOffset.seconds + 3600)
        if let next = scanner.peek, next != 0x2C {
            daylightOffset = Self.readOffset(&scanner)
        }
        guard let daylightOffset, scanner.skip(0x2C), let start = Self.readRule(&scanner),
              scanner.skip(0x2C), let end = Self.readRule(&scanner), scanner.isAtEnd
        else { return nil }
        let daylight = LocalTimeType(offset: daylightOffset, abbreviation: daylightName, isDaylightSaving: true)
        self.init(standard: standard, daylight: Daylight(type: daylight, start: start, end: end))
    }

    /// `KST` (three or more letters) or `<+0530>` (three or more of letters, digits, `+`, `-`).
    private static func readName(_ scanner: inout ASCIIScanner) -> String? {
        let isLetter: (UInt8) -> Bool = { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        let name: [UInt8]
        if scanner.skip(0x3C) {
            name = scanner.take { isLetter($0) || DecimalText.isDigit($0) || $0 == 0x2B || $0 == 0x2D }
            guard scanner.skip(0x3E) else { return nil }
        } else {
            name = scanner.take(while: isLetter)
        }
        guard name.count >= 3 else { return nil }
        return String(decoding: name, as: UTF8.self)
    }

    /// A POSIX offset (`9`, `-9`, `5:30`, `+3`), returned east-positive as everything else in this layer.
    private static func readOffset(_ scanner: inout ASCIIScanner) -> UTCOffset? {
        guard let west = readClock(&scanner, maxHours: 24) else { return nil }
        return UTCOffset(seconds: -west)
    }

    /// `[+|-]hh[:mm[:ss]]` as signed seconds.
    private static func readClock(_ scanner: inout ASCIIScanner, maxHours: Int) -> Int? {
        var sign = 1
        if scanner.skip(0x2D) { sign = -1 } else { _ = scanner.skip(0x2B) }
        guard let hours = scanner.digits(min: 1, max: 3), hours <= maxHours else { return nil }
        var seconds = hours * 3600
        for unit in [60, 1] {
            guard scanner.skip(0x3A) else { break }
            guard let value = scanner.digits(min: 1, max: 2), value < 60 else { return nil }
            seconds += value * unit
        }
        return sign * seconds
    }

    /// `Jn`, `n` or `Mm.w.d`, then an optional `/time` (02:00 by default).
    private static func readRule(_ scanner: inout ASCIIScanner) -> TransitionRule? {
        let day: TransitionRule.Day
        if scanner.skip(0x4A) {
            guard let n = scanner.digits(min: 1, max: 3), (1...365).contains(n) else { return nil }
            day = .julianIgnoringLeapDay(n)
        } else if scanner.skip(0x4D) {
            guard let month = scanner.digits(min: 1, max: 2), (1...12).contains(month), scanner.skip(0x2E),
                  let week = scanner.digits(1), (1...5).contains(week), scanner.skip(0x2E),
                  let weekday = scanner.digits(1), (0...6).contains(weekday)
            else { return nil }
            day = .monthWeekDay(month: month, week: week, weekday: weekday)
        } else {
            guard let n = scanner.digits(min: 1, max: 3), (0...365).contains(n) else { return nil }
            day = .zeroBasedDayOfYear(n)
        }
        var time = 7200
        if scanner.skip(0x2F) {
            guard let value = readClock(&scanner, maxHours: 167) else { return nil }
            time = value
        }
        return TransitionRule(day: day, time: time)
    }
}
