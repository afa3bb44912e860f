/// The last line of a canonical request: the body's SHA-256, or S3's `UNSIGNED-PAYLOAD`.
public struct PayloadHash: Sendable, Equatable {
    public let value: String

    public init(hex value: String) {
        self.value = value
    }

    public static func sha256(of body: [UInt8]) -> PayloadHash {
        PayloadHash(hex: Hex.sha256(of: body))
    }

    public static let empty = PayloadHash(hex: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")

    /// What pre-signed S3 URLs sign: the body is whatever the holder of the URL sends.
    public static let unsigned = PayloadHash(hex: "UNSIGNED-PAYLOAD")
}
