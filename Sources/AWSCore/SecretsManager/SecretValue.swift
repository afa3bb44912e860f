#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A secret as GetSecretValue returns it. The value itself never prints.
public struct SecretValue: Sendable, Equatable, Decodable {
    public let arn: String?
    public let name: String?
    public let versionID: String?
    public let string: String?
    public let binary: Data?

    private enum CodingKeys: String, CodingKey {
        case arn = "ARN", name = "Name", versionID = "VersionId", string = "SecretString", binary = "SecretBinary"
    }

    public init(arn: String?, name: String?, versionID: String?, string: String?, binary: Data?) {
        self.arn = arn
        self.name = name
        self.versionID = versionID
        self.string = string
        self.binary = binary
    }

    /// Decodes a JSON secret string (`{"api_key": …}`), the shape our secrets are stored in.
    public func decodeJSON<T: Decodable>(_ type: T.Type) throws -> T {
        guard let string else { throw SecretsManagerError.notAString(name: name ?? arn ?? "secret") }
        return try JSONDecoder().decode(type, from: Data(string.utf8))
    }
}

extension SecretValue: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "SecretValue(name: \(name ?? "?"), versionID: \(versionID ?? "?"), value: <redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["name": name as Any, "versionID": versionID as Any]) }
}

public enum SecretsManagerError: Error, Equatable, CustomStringConvertible {
    case notAString(name: String)

    public var description: String {
        switch self {
        case .notAString(let name): return "secret \(name) holds binary data, not a string"
        }
    }
}
