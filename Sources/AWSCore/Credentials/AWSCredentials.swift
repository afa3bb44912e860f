import CivilTime


/// An access key pair, with the session token temporary credentials carry. The secret parts never show
/// in `description`, `debugDescription` or `dump`: only the access key id does, which identifies but does not authorise.
public struct AWSCredentials: Sendable, Equatable {
    public let accessKeyID: String
    public let secretAccessKey: String
    public let sessionToken: String?
    /// When temporary credentials stop working (and every URL they pre-signed with them); nil when unknown or long-lived.
    public let expiration: Instant?
    /// Which source answered, in words an operator reads (`env`, `profile dev`, `assume-role via source_profile base`).
    public var source: String?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Instant? = nil, source: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.source = source
    }
}

extension AWSCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "AWSCredentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>, sessionToken: \(sessionToken == nil ? "none" : "<redacted>"))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["accessKeyID": accessKeyID, "secretAccessKey": "<redacted>", "sessionToken": sessionToken == nil ? "none" : "<redacted>"])
    }
}
