import Synchronization

/// Derived signing keys by scope (secret, day, region, service), as the AWS SDKs keep them: the four-HMAC
/// derivation then runs once a day per service instead of on every request, and the key is kept with its
/// HMAC pads already hashed, which spares every signature two SHA-256 blocks. Shared by the signers of one
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

    private struct Entries {
        var byScope: [Scope: HMACSHA256.Key] = [:]
        /// Requests come in runs for one scope; comparing with the last one is cheaper than hashing four strings.
        var last: (scope: Scope, key: HMACSHA256.Key)?
    }

    private let entries = Mutex(Entries())

    public init() {}

    func key(for scope: Scope, derive: () -> HMACSHA256.Key) -> HMACSHA256.Key {
        let cached = entries.withLock { entries -> HMACSHA256.Key? in
            if let last = entries.last, last.scope == scope { return last.key }
            guard let key = entries.byScope[scope] else { return nil }
            entries.last = (scope, key)
            return key
        }
        if let cached { return cached }
        let key = derive()
        entries.withLock { entries in
            if entries.byScope.count >= Self.capacity { entries.byScope.removeAll() }
            entries.byScope[scope] = key
            entries.last = (scope, key)
        }
        return key
    }
}
