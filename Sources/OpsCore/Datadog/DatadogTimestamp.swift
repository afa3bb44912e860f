import CivilTime

/// Datadog writes times several ways across endpoints and versions: `2026-11-15T21:02:31+00:00`, with a
/// fraction, without an offset (UTC), or epoch seconds as a number. `0` means "never".
enum DatadogTimestamp {
    static func decode<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, _ key: Key) -> Instant? {
        guard container.contains(key), (try? container.decodeNil(forKey: key)) == false else { return nil }
        if let seconds = try? container.decode(Int64.self, forKey: key) { return instant(epochSeconds: seconds) }
        if let seconds = try? container.decode(Double.self, forKey: key), seconds.isFinite,
           abs(seconds) < 1e12 {
            return instant(epochSeconds: Int64(seconds))
        }
        guard let text = try? container.decode(String.self, forKey: key) else { return nil }
        if let instant = try? Instant(iso8601: text) { return instant }
        if let instant = try? Instant(iso8601: text + "Z") { return instant }
        return Int64(text).flatMap(instant(epochSeconds:))
    }

    /// Nil for "never" (0) and for values no real time has (a hostile or corrupt 1e18 must not trap).
    private static func instant(epochSeconds seconds: Int64) -> Instant? {
        let (milliseconds, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard seconds > 0, !overflow else { return nil }
        return Instant(exactly: milliseconds)
    }
}
