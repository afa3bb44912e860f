import CivilTime

/// A timestamp in an AWS answer: ISO 8601 text in query and REST-XML answers (and some JSON fields), epoch
/// seconds (a number, possibly fractional) in JSON answers. Read either way, kept to the millisecond.
public struct AWSTimestamp: Sendable, Hashable, Decodable {
    public let instant: Instant

    public init(_ instant: Instant) { self.instant = instant }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Double.self) {
            guard seconds.isFinite, let instant = Instant(exactly: Int64(exactly: (seconds * 1000).rounded()) ?? .max) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(seconds) is not a usable epoch time in seconds")
            }
            self.instant = instant
            return
        }
        let text = try container.decode(String.self)
        do {
            instant = try Instant(iso8601: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 time or epoch seconds: \(error)")
        }
    }
}
