/// The intermediate texts of one signature, for tests and for debugging a `SignatureDoesNotMatch` by
/// comparing with the canonical request AWS returns. They can hold a session token and the signature,
/// so they never print themselves.
public struct SigningDetails: Sendable {
    let canonicalBytes: [UInt8]
    let stringToSignBytes: [UInt8]
    public let signature: String

    /// Made into text only when asked for: signing itself hashes the bytes.
    public var canonicalRequest: String { String(decoding: canonicalBytes, as: UTF8.self) }

    public var stringToSign: String { String(decoding: stringToSignBytes, as: UTF8.self) }
}

extension SigningDetails: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "SigningDetails(<redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
