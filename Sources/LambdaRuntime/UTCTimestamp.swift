/// ISO 8601 UTC timestamps with milliseconds for log lines, computed arithmetically: the date APIs that
/// format through ICU would add tens of megabytes to a static binary.
enum UTCTimestamp {
    static func string(epochMilliseconds: Int64) -> String {
        let millis = Int(epochMilliseconds % 1000)
        let seconds = Int(epochMilliseconds / 1000)
        let days = seconds / 86_400
        let secondOfDay = seconds % 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        var out = ""
        out.reserveCapacity(24)
        append(year, width: 4, to: &out)
        out += "-"
        append(month, width: 2, to: &out)
        out += "-"
        append(day, width: 2, to: &out)
        out += "T"
        append(secondOfDay / 3600, width: 2, to: &out)
        out += ":"
        append(secondOfDay / 60 % 60, width: 2, to: &out)
        out += ":"
        append(secondOfDay % 60, width: 2, to: &out)
        out += "."
        append(millis, width: 3, to: &out)
        out += "Z"
        return out
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian), valid for non-negative day counts.
    static func civilDate(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func append(_ value: Int, width: Int, to out: inout String) {
        let digits = String(value)
        if digits.count < width { out += String(repeating: "0", count: width - digits.count) }
        out += digits
    }
}
