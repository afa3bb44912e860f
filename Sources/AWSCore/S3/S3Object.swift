/// An object as GetObject returns it.
public struct S3Object: Sendable {
    public let body: [UInt8]
    public let contentType: String?
    public let contentEncoding: String?
    public let eTag: String?
}

/// Server-side encryption for PutObject (`x-amz-server-side-encryption`).
public enum S3ServerSideEncryption: Sendable, Equatable {
    /// S3-managed keys.
    case aes256
    /// KMS, with the bucket's default key when `keyID` is nil.
    case kms(keyID: String?)

    var headerValue: String {
        switch self {
        case .aes256: return "AES256"
        case .kms: return "aws:kms"
        }
    }
}
