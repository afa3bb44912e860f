import CivilTime
import HTTPCore
import NIOHTTP1

/// S3 over its REST protocol: put and get an object, and pre-sign a GET.
public struct S3Client: Sendable {
    private let client: AWSClient
    private let configuration: AWSServiceConfiguration
    private let addressing: S3Addressing

    public init(client: AWSClient, configuration: AWSServiceConfiguration) {
        self.client = client
        self.configuration = configuration
        addressing = S3Addressing(configuration: configuration)
    }

    /// Stores `body` under `key`; returns the ETag S3 answers with.
    @discardableResult
    public func putObject(
        bucket: String, key: String, body: [UInt8], contentType: String? = nil, contentEncoding: String? = nil,
        serverSideEncryption: S3ServerSideEncryption? = nil
    ) async throws -> String? {
        var headers = HTTPHeaders()
        if let contentType { headers.add(name: "Content-Type", value: contentType) }
        if let contentEncoding { headers.add(name: "Content-Encoding", value: contentEncoding) }
        if let serverSideEncryption {
            headers.add(name: "x-amz-server-side-encryption", value: serverSideEncryption.headerValue)
            if case .kms(let keyID?) = serverSideEncryption {
                headers.add(name: "x-amz-server-side-encryption-aws-kms-key-id", value: keyID)
            }
        }
        let response = try await send("PutObject", .PUT, bucket: bucket, key: key, headers: headers, body: body)
        return response.headers.first(name: "ETag")
    }

    public func getObject(bucket: String, key: String) async throws -> S3Object {
        let response = try await send("GetObject", .GET, bucket: bucket, key: key)
        return S3Object(
            body: response.body, contentType: response.headers.first(name: "Content-Type"),
            contentEncoding: response.headers.first(name: "Content-Encoding"), eTag: response.headers.first(name: "ETag"))
    }

    /// A URL anyone can GET for `expiresIn` seconds (at most 604800), signed with `credentials` if given
    /// (a dedicated long-lived signing key) or else the client's. Temporary credentials end the URL's life early.
    public func presignedGetURL(
        bucket: String, key: String, expiresIn seconds: Int, credentials: AWSCredentials? = nil, at instant: Instant? = nil
    ) async throws -> S3PresignedURL {
        let signingCredentials: AWSCredentials
        if let credentials {
            signingCredentials = credentials
        } else {
            signingCredentials = try await client.credentials.credentials()
        }
        let instant = instant ?? client.now()
        let (endpoint, path) = addressing.location(bucket: bucket, key: key)
        let signer = SigV4Signer(credentials: signingCredentials, region: configuration.region, service: configuration.service.signingName, options: .s3,
            keyCache: client.keyCache)
        let wirePath = endpoint.basePath + path
        let presigned = try signer.presign(
            SigningRequest(method: "GET", path: wirePath, headers: ["Host": endpoint.hostHeader], payload: .unsigned),
            expiresIn: seconds, at: instant)
        var expiresAt = instant.adding(seconds: Int64(seconds))
        if let expiration = signingCredentials.expiration, expiration < expiresAt { expiresAt = expiration }
        return S3PresignedURL(
            url: endpoint.origin + wirePath + "?" + presigned.query, expiresAt: expiresAt,
            mayExpireEarlier: signingCredentials.sessionToken != nil && signingCredentials.expiration == nil)
    }

    private func send(
        _ operation: String, _ method: HTTPMethod, bucket: String, key: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []
    ) async throws -> HTTPResponse {
        let (endpoint, path) = addressing.location(bucket: bucket, key: key)
        let request = AWSRequest(endpoint: endpoint, method: method, path: path, headers: headers, body: body, timeout: configuration.timeout)
        let context = AWSRequestContext(
            service: configuration.service, operation: "S3.\(operation)", region: configuration.region, signingOptions: .s3,
            logger: client.logger)
        return try await client.send(request, context: context)
    }
}
