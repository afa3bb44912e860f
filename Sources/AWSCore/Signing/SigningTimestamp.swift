#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The `yyyyMMdd'T'HHmmss'Z'` stamp SigV4 puts in `X-Amz-Date` and, truncated to the day, in the scope.
/// Computed with integer calendar arithmetic so no formatter (and no ICU) is needed.
struct SigningTimestamp: Sendable, Equatable {
    /// `20150830T123600Z`
    let dateTime: String

    /// `20150830`
    var day: Substring { dateTime.prefix(8) }

    init(_ date: Date) {
        let seconds = Int64((date.timeIntervalSince1970).rounded(.down))
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = Self.civilDate(daysSince1970: days)
        dateTime = String(unsafeUninitializedCapacity: 16) { output in
            var index = 0
            // Every request is stamped, so the fields are written one by one rather than from an array.
            func write(_ value: Int64, width: Int) {
                var remaining = value
                for position in stride(from: width - 1, through: 0, by: -1) {
                    output[index + position] = UInt8(ascii: "0") + UInt8(remaining % 10)
                    remaining /= 10
                }
                index += width
            }
            write(year, width: 4)
            write(month, width: 2)
            write(day, width: 2)
            output[index] = UInt8(ascii: "T")
            index += 1
            write(secondOfDay / 3600, width: 2)
            write(secondOfDay % 3600 / 60, width: 2)
            write(secondOfDay % 60, width: 2)
            output[index] = UInt8(ascii: "Z")
            return index + 1
        }
    }

    /// Proleptic Gregorian date of a day count, using 400-year eras so leap rules need no tables.
    private static func civilDate(daysSince1970: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = daysSince1970 + 719_468  // days from 0000-03-01, the start of an era's first year
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153  // 0 = March
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}
