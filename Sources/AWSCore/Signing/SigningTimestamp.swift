import CivilTime

/// The `yyyyMMdd'T'HHmmss'Z'` stamp SigV4 puts in `X-Amz-Date` and, truncated to the day, in the scope.
/// Computed with integer calendar arithmetic so no formatter (and no ICU) is needed.
struct SigningTimestamp: Sendable, Equatable {
    /// `20150830T123600Z`
    let dateTime: String

    /// `20150830`
    var day: Substring { dateTime.prefix(8) }

    init(_ instant: Instant) {
        let seconds = instant.epochSeconds
        let days = CivilCalendar.floorDivide(seconds, CivilCalendar.secondsPerDay)
        let secondOfDay = seconds - days * CivilCalendar.secondsPerDay
        let (year, month, day) = CivilCalendar.civilDate(daysSinceEpoch: days)
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
            write(Int64(year), width: 4)
            write(Int64(month), width: 2)
            write(Int64(day), width: 2)
            output[index] = UInt8(ascii: "T")
            index += 1
            write(secondOfDay / 3600, width: 2)
            write(secondOfDay % 3600 / 60, width: 2)
            write(secondOfDay % 60, width: 2)
            output[index] = UInt8(ascii: "Z")
            return index + 1
        }
    }
}
