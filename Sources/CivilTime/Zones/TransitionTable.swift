/// A zone's history as listed transitions (from a TZif file), with the POSIX rule of the file's footer
/// for instants after the last one. Lookups are a binary search.
struct TransitionTable: Sendable, Hashable {
    /// Ascending epoch seconds.
    let times: [Int64]
    /// The type that starts at `times[i]`.
    let types: [LocalTimeType]
    /// In force before the first transition: time type 0 (RFC 8536 §3.2).
    let initial: LocalTimeType
    let footer: POSIXTimeZone?

    func localTimeType(atEpochSeconds seconds: Int64) -> LocalTimeType {
        guard let last = times.last else { return footer?.localTimeType(atEpochSeconds: seconds) ?? initial }
        if seconds > last, let footer { return footer.localTimeType(atEpochSeconds: seconds) }
        let index = firstIndex(after: seconds)
        return index == 0 ? initial : types[index - 1]
    }

    /// Changes of type in `(start, end]`, from the table and then from the footer.
    func transitions(after start: Int64, through end: Int64) -> [ZoneTransition] {
        var result: [ZoneTransition] = []
        var index = firstIndex(after: start)
        while index < times.count, times[index] <= end {
            let before = index == 0 ? initial : types[index - 1]
            if before != types[index] {
                result.append(ZoneTransition(at: times[index], before: before, after: types[index]))
            }
            index += 1
        }
        if let footer {
            let footerStart = max(start, times.last ?? .min)
            result += footer.transitions(after: footerStart, through: end)
        }
        return result
    }

    /// The index of the first transition strictly after `seconds` (`times.count` when there is none).
    private func firstIndex(after seconds: Int64) -> Int {
        var low = 0
        var high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] <= seconds { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
