/// Reads one secret string: the whole value of a Secrets Manager secret, as the functions' seams see it.
public protocol SecretSource: Sendable {
    func secretString(id: String) async throws -> String
}

/// Where a secret value comes from: a field of a JSON secret in Secrets Manager (`OPS_*_SECRET_ID`), or, for
/// local runs only, the value itself in a variable (`OPS_WEBHOOK_TOKEN`, …) when no secret id is set.
public struct SecretReference: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        case direct(String)
        case secret(id: String, field: String)
    }

    public let source: Source

    public init(source: Source) {
        self.source = source
    }

    public init(
        _ environment: EnvironmentReader, secretIDVariable: String, field: String, directVariable: String
    ) throws(ConfigurationError) {
        if let id = environment.optional(secretIDVariable) {
            source = .secret(id: id, field: field)
        } else if let value = environment.optional(directVariable) {
            source = .direct(value)
        } else {
            throw ConfigurationError(
                variable: secretIDVariable,
                value: nil,
                expected: "the id of a secret holding {\"\(field)\": …} (or \(directVariable) for local runs)"
            )
        }
    }

    public func resolve(with secrets: any SecretSource) async throws -> String {
        switch source {
        case .direct(let value):
            return value
        case .secret(let id, let field):
            let text = try await secrets.secretString(id: id)
            guard let value = SecretJSON.field(field, in: text) else { throw SecretFieldError(secretID: id, field: field) }
            return value
        }
    }
}

/// The secret exists but has no usable string field of that name (the value itself is never shown).
public struct SecretFieldError: Error, Sendable, Equatable, CustomStringConvertible {
    public var secretID: String
    public var field: String
    public var description: String { "secret \(secretID) has no non-empty string field \"\(field)\"" }
}
