#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AWSCore
import HTTPCore
import NIOHTTP1

/// EC2 instance metadata, IMDSv2 only: a session token from `PUT /latest/api/token`, then the instance
/// role's credentials with it. Off an instance nothing answers within a second, and the chain ends there.
/// `AWS_EC2_METADATA_DISABLED=true` turns it off; `AWS_EC2_METADATA_SERVICE_ENDPOINT` points it elsewhere.
public struct InstanceMetadataCredentialProvider: CredentialProvider {
    let environment: [String: String]
    let transport: any HTTPTransport

    public init(environment: [String: String], transport: any HTTPTransport) {
        self.environment = environment
        self.transport = transport
    }

    private struct Document: Decodable {
        var Code: String?
        var AccessKeyId: String
        var SecretAccessKey: String
        var Token: String?
        var Expiration: String?
    }

    public func credentials() async throws -> AWSCredentials {
        if environment.nonEmpty("AWS_EC2_METADATA_DISABLED")?.lowercased() == "true" {
            throw CredentialProviderError.notFound(source: "instance metadata (AWS_EC2_METADATA_DISABLED)")
        }
        var base = environment.nonEmpty("AWS_EC2_METADATA_SERVICE_ENDPOINT") ?? "http://169.254.169.254"
        while base.hasSuffix("/") { base.removeLast() }
        var tokenHeaders = HTTPHeaders()
        tokenHeaders.add(name: "X-aws-ec2-metadata-token-ttl-seconds", value: "21600")
        let tokenResponse: HTTPResponse
        do {
            tokenResponse = try await transport.send(
                HTTPRequest(method: .PUT, url: base + "/latest/api/token", headers: tokenHeaders, timeout: .seconds(1)))
        } catch {
            throw CredentialProviderError.notFound(source: "instance metadata (no answer at \(base))")
        }
        guard tokenResponse.status == 200, !tokenResponse.body.isEmpty else {
            throw CredentialSourceError.instanceMetadataUnavailable(reason: "the session token request answered HTTP \(tokenResponse.status)")
        }
        var headers = HTTPHeaders()
        headers.add(name: "X-aws-ec2-metadata-token", value: String(decoding: tokenResponse.body, as: UTF8.self))
        let listing = try await get(base + "/latest/meta-data/iam/security-credentials/", headers: headers)
        guard let role = String(decoding: listing, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init), !role.isEmpty else {
            throw CredentialSourceError.instanceMetadataUnavailable(reason: "the instance has no role")
        }
        let body = try await get(base + "/latest/meta-data/iam/security-credentials/" + URIEncoding.encode(role), headers: headers)
        guard let document = try? JSONDecoder().decode(Document.self, from: Data(body)), document.Code == nil || document.Code == "Success" else {
            throw CredentialSourceError.malformedCredentials(source: "instance metadata", reason: "not a successful credentials document")
        }
        return AWSCredentials(
            accessKeyID: document.AccessKeyId, secretAccessKey: document.SecretAccessKey, sessionToken: document.Token,
            expiration: try document.Expiration.map { try ContainerCredentialProvider.expiration($0, source: "instance metadata") }, source: "imds")
    }

    private func get(_ url: String, headers: HTTPHeaders) async throws -> [UInt8] {
        let response: HTTPResponse
        do {
            response = try await transport.send(HTTPRequest(method: .GET, url: url, headers: headers, timeout: .seconds(2)))
        } catch {
            throw CredentialSourceError.instanceMetadataUnavailable(reason: "no answer (\(error))")
        }
        guard response.status == 200 else {
            throw CredentialSourceError.instanceMetadataUnavailable(reason: "HTTP \(response.status) for \(url.split(separator: "/").suffix(2).joined(separator: "/"))")
        }
        return response.body
    }
}
