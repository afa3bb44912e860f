import JSONCoding
import HTTPCore
import NIOHTTP1

/// The one operation engine: any operation of any service, on any of the six wire protocols, through the
/// client's pipeline (retry → sign → decode errors → transport). Typed service clients (DynamoDB, Secrets
/// Manager, STS) and the operators' declarative catalogues both call through it.
public struct ServiceClient: Sendable {
    public let client: AWSClient
    public let configuration: AWSServiceConfiguration
    public let wireProtocol: WireProtocol

    public init(client: AWSClient, configuration: AWSServiceConfiguration, wireProtocol: WireProtocol) {
        self.client = client
        self.configuration = configuration
        self.wireProtocol = wireProtocol
    }

    /// `service` in an account's `region`, its endpoint from the environment (`AWS_ENDPOINT_URL[_<SERVICE>]`; a
    /// global service at its one endpoint in the region's partition): what the operators' tools make for each
    /// account and region they visit.
    public init(
        client: AWSClient, service: AWSService, region: String, environment: [String: String], timeout: Duration, wireProtocol: WireProtocol
    ) throws(EndpointError) {
        self.init(
            client: client, configuration: try AWSServiceConfiguration.resolve(service, region: region, environment: environment, timeout: timeout),
            wireProtocol: wireProtocol)
    }

    /// S3 signs its paths as sent and its payload hash in a header; every other service the standard way.
    var signingOptions: SigV4Signer.Options { configuration.service == .s3 ? .s3 : .standard }

    /// The answer's body as sent, for callers that decode it themselves (large JSON answers decoded straight
    /// into their types).
    public func sendRaw(_ operation: AWSOperation, _ input: OperationInput = OperationInput()) async throws -> HTTPResponse {
        let request = try wireProtocol.request(operation, input, endpoint: configuration.endpoint, timeout: configuration.timeout)
        let context = AWSRequestContext(
            service: configuration.service, operation: "\(configuration.service.serviceID).\(operation.name)",
            region: configuration.region, signingOptions: signingOptions, logger: client.logger, isSigned: operation.isSigned)
        return try await client.send(request, context: context)
    }

    /// The operation's output as a tree.
    public func send(_ operation: AWSOperation, _ input: OperationInput = OperationInput()) async throws -> AWSValue {
        try wireProtocol.output(of: try await sendRaw(operation, input), operation: operation.name)
    }

    /// The operation's output decoded into `Output` (from XML or JSON alike).
    public func send<Output: Decodable>(
        _ operation: AWSOperation, _ input: OperationInput = OperationInput(), as type: Output.Type
    ) async throws -> Output {
        let tree = try await send(operation, input)
        do {
            return try AWSValueDecoder().decode(type, from: tree)
        } catch {
            throw AWSResponseError.undecodable(
                operation: "\(configuration.service.serviceID).\(operation.name)", detail: String(describing: error).prefix(300).description)
        }
    }

    /// JSON protocols with typed input and output, straight through `JSONEncoding`/`JSONDecoding`: DynamoDB's
    /// pages of thousands of items are not worth building a tree for.
    public func sendJSON<Output: Decodable>(_ operation: String, input: some Encodable, as type: Output.Type) async throws -> Output {
        guard case .json(let version, let targetPrefix) = wireProtocol else {
            preconditionFailure("sendJSON is for the JSON protocols; \(configuration.service.serviceID) is \(wireProtocol)")
        }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/x-amz-json-\(version)")
        headers.add(name: "X-Amz-Target", value: "\(targetPrefix).\(operation)")
        let request = AWSRequest(
            endpoint: configuration.endpoint, method: .POST, headers: headers, body: try JSONEncoding().encode(input),
            timeout: configuration.timeout)
        let context = AWSRequestContext(
            service: configuration.service, operation: "\(configuration.service.serviceID).\(operation)", region: configuration.region,
            signingOptions: .standard, logger: client.logger)
        let response = try await client.send(request, context: context)
        do {
            return try JSONDecoding().decode(Output.self, from: response.body)
        } catch {
            throw AWSResponseError.undecodable(operation: context.operation, detail: String(describing: error))
        }
    }

    /// Every page of a paginated operation, one at a time, in order. `pageSize` goes in the paginator's limit
    /// member when it has one. Pages are not kept: `body` decides what to keep of each.
    public func forEachPage(
        _ operation: AWSOperation, _ input: OperationInput = OperationInput(), paginator: Paginator, pageSize: Int? = nil,
        _ body: (AWSValue) async throws -> Void
    ) async throws {
        var input = input
        if let pageSize, let limitKey = paginator.limitKey {
            input = input.setting(limitKey, to: .number(String(pageSize)), in: wireProtocol)
        }
        var token: AWSValue?
        repeat {
            let page = try await send(operation, token.map { input.setting(paginator.inputToken, to: $0, in: wireProtocol) } ?? input)
            try await body(page)
            token = paginator.nextToken(after: page, previous: token)
        } while token != nil
    }
}
