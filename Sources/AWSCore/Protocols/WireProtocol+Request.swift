import JSONCoding
import HTTPCore
import NIOHTTP1

extension WireProtocol {
    /// The HTTP request for `operation` called with `input`, before signing.
    func request(
        _ operation: AWSOperation, _ input: OperationInput, endpoint: AWSEndpoint, timeout: Duration
    ) throws -> AWSRequest {
        var headers = HTTPHeaders()
        switch self {
        case .query(let version), .ec2(let version):
            headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")
            let parameters = [OperationInput.Parameter("Action", operation.name), OperationInput.Parameter("Version", version)] + input.parameters
            return AWSRequest(endpoint: endpoint, method: .POST, headers: headers, body: Array(Self.formBody(parameters).utf8), timeout: timeout)
        case .json(let version, let targetPrefix):
            headers.add(name: "Content-Type", value: "application/x-amz-json-\(version)")
            headers.add(name: "X-Amz-Target", value: "\(targetPrefix).\(operation.name)")
            let body = try JSONEncoding().encode(input.body ?? .structure([]))
            return AWSRequest(endpoint: endpoint, method: .POST, headers: headers, body: body, timeout: timeout)
        case .restJSON, .restXML:
            for header in input.headers { headers.add(name: header.name, value: header.value) }
            var body: [UInt8] = []
            if let document = input.body {
                guard self == .restJSON else { throw OperationInputError.xmlBodyNotSupported(operation: operation.name) }
                headers.add(name: "Content-Type", value: "application/json")
                body = try JSONEncoding().encode(document)
            }
            return AWSRequest(
                endpoint: endpoint, method: operation.method, path: try Self.expand(operation.path, labels: input.pathLabels, operation: operation.name),
                query: Self.formEncoded(input.parameters), headers: headers, body: body, timeout: timeout)
        }
    }

    /// `name=value&…`, each part percent-encoded as SigV4 canonicalises it (so what is signed is what is sent).
    static func formEncoded(_ parameters: [OperationInput.Parameter]) -> String {
        parameters.map { URIEncoding.encode($0.name) + "=" + URIEncoding.encode($0.value) }.joined(separator: "&")
    }

    /// A form body as the SDKs write one (`application/x-www-form-urlencoded`: a space is `+`). The body is
    /// hashed as sent, so either spelling signs; servers that rebuild the body from its parsed fields before
    /// checking the signature (moto) rebuild it this way.
    static func formBody(_ parameters: [OperationInput.Parameter]) -> String {
        parameters.map { formComponent($0.name) + "=" + formComponent($0.value) }.joined(separator: "&")
    }

    private static func formComponent(_ text: String) -> String {
        URIEncoding.encode(text).replacingText("%20", with: "+")
    }

    /// The path template with its labels filled in: `{Name}` encoded as one segment, `{Name+}` keeping its slashes.
    static func expand(_ template: String, labels: [String: String], operation: String) throws -> String {
        var path = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            path += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { throw OperationInputError.badPathTemplate(operation: operation) }
            var label = rest[rest.index(after: open)..<close]
            let greedy = label.hasSuffix("+")
            if greedy { label = label.dropLast() }
            guard let value = labels[String(label)], !value.isEmpty else {
                throw OperationInputError.missingPathLabel(operation: operation, label: String(label))
            }
            path += greedy ? URIEncoding.encodePath(value) : URIEncoding.encode(value)
            rest = rest[rest.index(after: close)...]
        }
        return path + rest
    }
}

/// An operation called with input that cannot be put on the wire.
public enum OperationInputError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingPathLabel(operation: String, label: String)
    case badPathTemplate(operation: String)
    case xmlBodyNotSupported(operation: String)

    public var description: String {
        switch self {
        case .missingPathLabel(let operation, let label): return "\(operation) needs \(label) (part of its path)"
        case .badPathTemplate(let operation): return "\(operation) has a malformed path template"
        case .xmlBodyNotSupported(let operation): return "\(operation): request bodies in XML are not supported"
        }
    }
}
