import CivilTime
import HTTPCore
import NIOHTTP1

/// AWS Signature Version 4 as a pure value: credentials, region and service in, the headers to add
/// (or the query of a pre-signed URL) out. The time is passed in, so the same inputs always give the same bytes.
public struct SigV4Signer: Sendable {
    public struct Options: Sendable, Equatable {
        /// Remove dot segments and repeated slashes from the path before signing (every service but S3).
        public var normalizesPath: Bool
        /// Percent-encode the (already encoded) wire path once more (every service but S3).
        public var encodesPath: Bool
        /// Send and sign `x-amz-content-sha256` (S3 requires it on every header-signed request).
        public var addsContentSHA256Header: Bool
        /// Sign the session token; when false it is added after signing, as a few services expect.
        public var signsSessionToken: Bool

        public init(normalizesPath: Bool, encodesPath: Bool, addsContentSHA256Header: Bool, signsSessionToken: Bool = true) {
            self.normalizesPath = normalizesPath
            self.encodesPath = encodesPath
            self.addsContentSHA256Header = addsContentSHA256Header
            self.signsSessionToken = signsSessionToken
        }

        public static let standard = Options(normalizesPath: true, encodesPath: true, addsContentSHA256Header: false)
        public static let s3 = Options(normalizesPath: false, encodesPath: false, addsContentSHA256Header: true)
    }

    /// Seven days: the longest a pre-signed URL may live.
    public static let maximumExpiry = 604_800

    static let algorithm = "AWS4-HMAC-SHA256"

    public var credentials: AWSCredentials
    public var region: String
    public var service: String
    public var options: Options
    /// Where derived keys are remembered across signers; nil derives the key on every call.
    public var keyCache: SigningKeyCache?

    public init(
        credentials: AWSCredentials, region: String, service: String, options: Options = .standard, keyCache: SigningKeyCache? = nil
    ) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.options = options
        self.keyCache = keyCache
    }

    /// Header signing: returns the headers to add to `request` (date, token, content hash, `Authorization`).
    public func sign(_ request: SigningRequest, at instant: Instant) -> SignedHeaders {
        let timestamp = SigningTimestamp(instant)
        let scope = scope(timestamp)
        var headers: [(name: String, value: String)] = []
        headers.reserveCapacity(request.headers.count + 3)
        for header in request.headers { headers.append(header) }
        // Added in the order AWS's test suite prints signed requests: token, date, content hash, Authorization.
        var added = HTTPHeaders()
        added.reserveCapacity(4)
        if let token = credentials.sessionToken {
            added.add(name: "X-Amz-Security-Token", value: token)
            if options.signsSessionToken { headers.append(("X-Amz-Security-Token", token)) }
        }
        added.add(name: "X-Amz-Date", value: timestamp.dateTime)
        headers.append(("X-Amz-Date", timestamp.dateTime))
        if options.addsContentSHA256Header {
            added.add(name: "x-amz-content-sha256", value: request.payload.value)
            headers.append(("x-amz-content-sha256", request.payload.value))
        }
        let canonical = CanonicalRequest(
            method: request.method,
            uri: canonicalURI(request.path),
            query: CanonicalRequest.query(request.query),
            headers: headers,
            payload: request.payload
        )
        let details = details(of: canonical, at: timestamp, scope: scope)
        var authorization = Self.algorithm
        authorization.reserveCapacity(
            96 + credentials.accessKeyID.utf8.count + scope.utf8.count + canonical.signedHeaders.utf8.count)
        authorization += " Credential="
        authorization += credentials.accessKeyID
        authorization += "/"
        authorization += scope
        authorization += ", SignedHeaders="
        authorization += canonical.signedHeaders
        authorization += ", Signature="
        authorization += details.signature
        added.add(name: "Authorization", value: authorization)
        return SignedHeaders(headers: added, details: details)
    }

    /// Query signing: returns the query of the pre-signed URL, the request's own query first, then the
    /// `X-Amz-*` parameters in the order botocore writes them, the signature last.
    public func presign(_ request: SigningRequest, expiresIn seconds: Int, at instant: Instant) throws(SigV4Error) -> PresignedQuery {
        guard (1...Self.maximumExpiry).contains(seconds) else {
            throw SigV4Error.expiryOutOfRange(seconds: seconds, maximum: Self.maximumExpiry)
        }
        let timestamp = SigningTimestamp(instant)
        let scope = scope(timestamp)
        let headers = Array(request.headers.lazy.map { (name: $0.name, value: $0.value) })
        let signedHeaderNames = CanonicalRequest.signedHeaderNames(headers)
        var parameters: [(name: String, value: String)] = [
            ("X-Amz-Algorithm", Self.algorithm),
            ("X-Amz-Credential", credentials.accessKeyID + "/" + scope),
            ("X-Amz-Date", timestamp.dateTime),
            ("X-Amz-Expires", String(seconds)),
            ("X-Amz-SignedHeaders", signedHeaderNames),
        ]
        let token = credentials.sessionToken.map { (name: "X-Amz-Security-Token", value: $0) }
        if let token, options.signsSessionToken { parameters.append(token) }
        let canonical = CanonicalRequest(
            method: request.method,
            uri: canonicalURI(request.path),
            query: CanonicalRequest.query(request.query, extra: parameters),
            headers: headers,
            payload: request.payload
        )
        let details = details(of: canonical, at: timestamp, scope: scope)
        if let token, !options.signsSessionToken { parameters.append(token) }
        var query = request.query
        for (name, value) in parameters {
            if !query.isEmpty { query += "&" }
            query += name
            query += "="
            query += URIEncoding.encode(value)
        }
        query += "&X-Amz-Signature="
        query += details.signature
        return PresignedQuery(query: query, details: details)
    }

    private func canonicalURI(_ path: String) -> String {
        CanonicalRequest.uri(path: path, normalizing: options.normalizesPath, encoding: options.encodesPath)
    }

    /// `20150830/us-east-1/service/aws4_request`
    private func scope(_ timestamp: SigningTimestamp) -> String {
        var scope = String(timestamp.day)
        scope += "/"
        scope += region
        scope += "/"
        scope += service
        scope += "/aws4_request"
        return scope
    }

    private func details(of canonical: CanonicalRequest, at timestamp: SigningTimestamp, scope: String) -> SigningDetails {
        var stringToSign: [UInt8] = []
        stringToSign.reserveCapacity(Self.algorithm.utf8.count + timestamp.dateTime.utf8.count + scope.utf8.count + 3 + 64)
        stringToSign.append(contentsOf: Self.algorithm.utf8)
        stringToSign.append(UInt8(ascii: "\n"))
        stringToSign.append(contentsOf: timestamp.dateTime.utf8)
        stringToSign.append(UInt8(ascii: "\n"))
        stringToSign.append(contentsOf: scope.utf8)
        stringToSign.append(UInt8(ascii: "\n"))
        canonical.bytes.withUnsafeBytes { SHA256.hash($0) }.withUnsafeBytes { Hex.append($0, to: &stringToSign) }
        let mac = stringToSign.withUnsafeBytes { signingKey(day: timestamp.day).authenticationCode(for: $0) }
        return SigningDetails(canonicalBytes: canonical.bytes, stringToSignBytes: stringToSign, signature: mac.hex)
    }

    private func signingKey(day: Substring) -> HMACSHA256.Key {
        guard let keyCache else { return deriveSigningKey(day: day) }
        let scope = SigningKeyCache.Scope(secret: credentials.secretAccessKey, day: day, region: region, service: service)
        return keyCache.key(for: scope) { deriveSigningKey(day: day) }
    }

    /// The day-, region- and service-scoped key: four chained HMACs starting from the secret.
    private func deriveSigningKey(day: Substring) -> HMACSHA256.Key {
        var secret = "AWS4" + credentials.secretAccessKey
        let dateKey = secret.withUTF8 { HMACSHA256.authenticationCode(for: String(day), key: UnsafeRawBufferPointer($0)) }
        let regionKey = HMACSHA256.authenticationCode(for: region, key: dateKey)
        let serviceKey = HMACSHA256.authenticationCode(for: service, key: regionKey)
        return HMACSHA256.Key(HMACSHA256.authenticationCode(for: "aws4_request", key: serviceKey))
    }
}

/// The headers header signing adds, in the order they are sent.
public struct SignedHeaders: Sendable {
    public let headers: HTTPHeaders
    public let details: SigningDetails
}

extension SignedHeaders: CustomStringConvertible {
    public var description: String { "SignedHeaders(names: \(headers.map(\.name)))" }
}

/// The full query of a pre-signed URL (without `?`).
public struct PresignedQuery: Sendable {
    public let query: String
    public let details: SigningDetails
}

extension PresignedQuery: CustomStringConvertible {
    public var description: String { "PresignedQuery(<redacted>)" }
}

public enum SigV4Error: Error, Equatable, CustomStringConvertible {
    case expiryOutOfRange(seconds: Int, maximum: Int)

    public var description: String {
        switch self {
        case .expiryOutOfRange(let seconds, let maximum):
            return "a pre-signed URL must expire within 1...\(maximum) seconds, not \(seconds)"
        }
    }
}
