import Synchronization

/// Derived signing keys by scope (secret, day, region, service), as the AWS SDKs keep them: the four-HMAC
/// derivation then runs once a day per service instead of on every request. Shared by the signers of one
/// client; it never changes what a signer produces, only how soon.
public final class SigningKeyCache: Sendable {
    struct Scope: Hashable {
        let secret: String
        let day: Substring
        let region: String
        let service: String
    }

    /// A client signs for a handful of services; past this many scopes (days roll over) the cache starts afresh.
    private static let capacity = 16
    private let keys = Mutex<[Scope: [UInt8]]>([:])

    public init() {}

    func key(for scope: Scope, derive: () -> [UInt8]) -> [UInt8] {
        if let key = keys.withLock({ $0[scope] }) { return key }
        let key = derive()
        keys.withLock { keys in
            if keys.count >= Self.capacity { keys.removeAll() }
            keys[scope] = key
        }
        return key
    }
}
