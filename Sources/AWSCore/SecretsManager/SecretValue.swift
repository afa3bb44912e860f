import HTTPCore
import JSONCoding


/// A secret as GetSecretValue returns it. The value itself never prints.
public struct SecretValue: Sendable, Equatable, Decodable {
    public let arn: String?
    public let name: String?
    public let versionID: String?
    public let string: String?
    public let binary: [UInt8]?

    private enum CodingKeys: String, CodingKey {
        case arn = "ARN", name = "Name", versionID = "VersionId", string = "SecretString", binary = "SecretBinary"
    }

    public init(arn: String?, name: String?, versionID: String?, string: String?, binary: [UInt8]?) {
        self.arn = arn
        self.name = name
        self.versionID = versionID
        self.string = string
        self.binary = binary
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        arn = try container.decodeIfPresent(String.self, forKey: .arn)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        versionID = try container.decodeIfPresent(String.self, forKey: .versionID)
        string = try container.decodeIfPresent(String.self, forKey: .string)
        if let text = try container.decodeIfPresent(String.self, forKey: .binary) {
            guard let bytes = Base64.decode(text) else {
                throw DecodingError.dataCorruptedError(forKey: .binary, in: container, debugDescription: "SecretBinary is not base64")
            }
            binary = bytes
        } else {
            binary = nil
        }
    }

    /// Decodes a JSON secret string (`{"api_key": …}`), the shape our secrets are stored in.
    public func decodeJSON<T: Decodable>(_ type: T.Type) throws -> T {
        guard let string else { throw SecretsManagerError.notAString(name: name ?? arn ?? "secret") }
        return try JSONDecoding().decode(type, from: Array(string.utf8))
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
