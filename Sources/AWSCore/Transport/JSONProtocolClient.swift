#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOHTTP1

/// The `awsJson1_0` / `awsJson1_1` protocols (DynamoDB, Secrets Manager): every operation is a `POST /`
/// naming itself in `X-Amz-Target`, with JSON in and JSON out.
struct JSONProtocolClient: Sendable {
    let client: AWSClient
    let configuration: AWSServiceConfiguration
    /// `1.0` or `1.1`.
    let version: String
    /// e.g. `DynamoDB_20120810`.
    let targetPrefix: String

    func call<Output: Decodable>(_ operation: String, input: some Encodable, output: Output.Type) async throws -> Output {
        let body = try JSONEncoder().encode(input)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/x-amz-json-\(version)")
        headers.add(name: "X-Amz-Target", value: "\(targetPrefix).\(operation)")
        let request = AWSRequest(
            endpoint: configuration.endpoint, method: .POST, headers: headers, body: Array(body), timeout: configuration.timeout)
        let context = AWSRequestContext(
            service: configuration.service,
            operation: "\(configuration.service.serviceID).\(operation)",
            region: configuration.region,
            signingOptions: .standard,
            logger: client.logger
        )
        let response = try await client.send(request, context: context)
        do {
            return try JSONDecoder().decode(Output.self, from: Data(response.body))
        } catch {
            throw AWSResponseError.undecodable(operation: context.operation, detail: String(describing: error))
        }
    }
}
