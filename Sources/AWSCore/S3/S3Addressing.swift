import HTTPCore

/// Where an object lives on the wire, as botocore lays it out: virtual-hosted (`bucket.s3.<region>…/key`)
/// on AWS for DNS-safe bucket names without dots, path style (`host/bucket/key`) for a custom endpoint
/// (local AWS) or any other bucket name. us-east-1 keeps the legacy `s3.amazonaws.com` host.
struct S3Addressing: Sendable {
    let endpoint: AWSEndpoint
    let region: String

    init(configuration: AWSServiceConfiguration) {
        let endpoint = configuration.endpoint
        if !endpoint.isCustom && configuration.region == "us-east-1" {
            self.endpoint = AWSEndpoint(scheme: endpoint.scheme, host: "s3.amazonaws.com", port: endpoint.port, isCustom: false)
        } else {
            self.endpoint = endpoint
        }
        region = configuration.region
    }

    /// The endpoint to send to and the encoded path below it. The key is encoded once, `/` kept.
    func location(bucket: String, key: String) -> (endpoint: AWSEndpoint, path: String) {
        let encodedKey = URIEncoding.encodePath(key)
        if !endpoint.isCustom && Self.isVirtualHostable(bucket) {
            let host = AWSEndpoint(scheme: endpoint.scheme, host: "\(bucket).\(endpoint.host)", port: endpoint.port, isCustom: false)
            return (host, "/" + encodedKey)
        }
        return (endpoint, "/" + URIEncoding.encode(bucket) + "/" + encodedKey)
    }

    /// 3–63 lower-case letters, digits and hyphens, starting and ending alphanumeric (dots would break TLS).
    static func isVirtualHostable(_ bucket: String) -> Bool {
        let bytes = Array(bucket.utf8)
        let isAlphanumeric = { (byte: UInt8) in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard (3...63).contains(bytes.count), isAlphanumeric(bytes.first!), isAlphanumeric(bytes.last!) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }
}
