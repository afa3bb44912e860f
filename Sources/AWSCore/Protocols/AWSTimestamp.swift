import CivilTime
import HTTPCore

/// A timestamp in an AWS answer: ISO 8601 text in query and REST-XML answers (and some JSON fields), epoch
/// seconds (a number, possibly fractional, or its text) in JSON answers. Kept to the millisecond, rounded
/// towards the past, as `Instant(iso8601:)` does with finer fractions: an expiry is never read as later
/// than AWS said.
public struct AWSTimestamp: Sendable, Hashable, Decodable {
    public let instant: Instant

    public init(_ instant: Instant) { self.instant = instant }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Double.self) {
            self.instant = try Self.instant(epochSeconds: seconds, in: container)
            return
        }
        // XML text may come with the whitespace of its layout.
        let text = try container.decode(String.self).trimmedWhitespace
        if let seconds = Double(text) {
            self.instant = try Self.instant(epochSeconds: seconds, in: container)
            return
        }
        do {
            instant = try Instant(iso8601: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 time or epoch seconds: \(error)")
        }
    }

    private static func instant(epochSeconds seconds: Double, in container: any SingleValueDecodingContainer) throws -> Instant {
        guard seconds.isFinite, let milliseconds = Int64(exactly: (seconds * 1000).rounded(.down)), let instant = Instant(exactly: milliseconds) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(seconds) is not a usable epoch time in seconds")
        }
        return instant
    }
}
