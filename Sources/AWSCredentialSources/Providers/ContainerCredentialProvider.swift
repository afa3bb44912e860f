#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AWSCore
import CivilTime
import HTTPCore
import NIOHTTP1

/// The container credentials endpoint: ECS tasks (`AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` on
/// 169.254.170.2), and `AWS_CONTAINER_CREDENTIALS_FULL_URI` with `AWS_CONTAINER_AUTHORIZATION_TOKEN` (or
/// `…_TOKEN_FILE`), as AWS CloudShell and EKS Pod Identity set it. Plain http only to the addresses the SDKs
/// allow: loopback and the ECS and EKS link-local endpoints.
public struct ContainerCredentialProvider: CredentialProvider {
    static let ecsHost = "http://169.254.170.2"
    static let allowedHTTPHosts: Set<String> = ["169.254.170.2", "169.254.170.23", "[fd00:ec2::23]", "localhost", "[::1]"]

    let environment: [String: String]
    let transport: any HTTPTransport

    public init(environment: [String: String], transport: any HTTPTransport) {
        self.environment = environment
        self.transport = transport
    }

    private struct Document: Decodable {
        var AccessKeyId: String
        var SecretAccessKey: String
        var Token: String?
        var Expiration: String?
    }

    public func credentials() async throws -> AWSCredentials {
        let url: String
        if let relative = environment.nonEmpty("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
            url = Self.ecsHost + (relative.hasPrefix("/") ? relative : "/" + relative)
        } else if let full = environment.nonEmpty("AWS_CONTAINER_CREDENTIALS_FULL_URI") {
            guard Self.allowed(full) else {
                throw CredentialSourceError.containerCredentialsRefused(reason: "AWS_CONTAINER_CREDENTIALS_FULL_URI must be https or a local address")
            }
            url = full
        } else {
            throw CredentialProviderError.notFound(source: "the container credentials endpoint (AWS_CONTAINER_CREDENTIALS_*_URI)")
        }
        var headers = HTTPHeaders()
        if let token = try authorizationToken() { headers.add(name: "Authorization", value: token) }
        let response: HTTPResponse
        do {
            response = try await transport.send(HTTPRequest(method: .GET, url: url, headers: headers, timeout: .seconds(5)))
        } catch {
            throw CredentialSourceError.containerCredentialsRefused(reason: "the endpoint did not answer (\(error))")
        }
        guard response.status == 200 else {
            throw CredentialSourceError.containerCredentialsRefused(reason: "the endpoint answered HTTP \(response.status)")
        }
        guard let document = try? JSONDecoder().decode(Document.self, from: Data(response.body)) else {
            throw CredentialSourceError.malformedCredentials(source: "the container credentials endpoint", reason: "not the credentials document")
        }
        return AWSCredentials(
            accessKeyID: document.AccessKeyId, secretAccessKey: document.SecretAccessKey, sessionToken: document.Token,
            expiration: try document.Expiration.map { try Self.expiration($0, source: "the container credentials endpoint") }, source: "container")
    }

    private func authorizationToken() throws -> String? {
        if let file = environment.nonEmpty("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CredentialSourceError.containerCredentialsRefused(reason: "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(file) cannot be read")
            }
            return String(String(decoding: data, as: UTF8.self).trimmedWhitespace)
        }
        return environment.nonEmpty("AWS_CONTAINER_AUTHORIZATION_TOKEN")
    }

    static func allowed(_ url: String) -> Bool {
        if url.hasPrefix("https://") { return true }
        guard url.hasPrefix("http://"), let endpoint = try? AWSEndpoint(parsing: url) else { return false }
        let host = endpoint.host
        return allowedHTTPHosts.contains(host) || host.hasPrefix("127.")
    }

    static func expiration(_ text: String, source: String) throws -> Instant {
        guard let instant = try? Instant(iso8601: text) else {
            throw CredentialSourceError.malformedCredentials(source: source, reason: "Expiration is not an ISO 8601 time")
        }
        return instant
    }
}
