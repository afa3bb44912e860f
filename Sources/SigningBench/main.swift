// Signing throughput of AWSCore: header signatures (a DynamoDB PutItem, body hash included) and
// pre-signed S3 GET URLs (through S3Client, addressing included), on the inputs the botocore benchmark uses.
// Usage: signing-bench <inputs.json> [iterations]. Prints one JSON object.

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AWSCore
import CivilTime
import NIOHTTP1

struct UsageError: Error, CustomStringConvertible {
    var description: String { "usage: signing-bench <inputs.json> [iterations]" }
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else { throw UsageError() }
let inputs = try BenchInputs.load(path: arguments[1])
let iterations = arguments.count > 2 ? Int(arguments[2]) ?? 200_000 : 200_000
let warmUp = max(1, iterations / 10)

let credentials = AWSCredentials(
    accessKeyID: inputs.access_key_id, secretAccessKey: inputs.secret_access_key, sessionToken: inputs.session_token)
let date = Instant(epochSeconds: Int64(inputs.timestamp))
let body = Array(inputs.header.body.utf8)

let keyCache = SigningKeyCache()
let headers: HTTPHeaders = [
    "Host": inputs.header.host,
    "Content-Type": "application/x-amz-json-1.0",
    "X-Amz-Target": inputs.header.target,
]

/// Signs `count` requests, one second apart, and returns a digest of the signatures so none can be optimised away.
/// Like the pipeline's signing step, each request gets its own signer sharing one key cache.
func signHeaders(_ count: Int) -> Int {
    var digest = 0
    for index in 0..<count {
        let signer = SigV4Signer(credentials: credentials, region: inputs.region, service: inputs.header.service, keyCache: keyCache)
        let request = SigningRequest(method: "POST", path: "/", headers: headers, payload: .sha256(of: body))
        let signed = signer.sign(request, at: date.adding(seconds: Int64(index % 3600)))
        digest &+= signed.details.signature.utf8.first.map(Int.init) ?? 0
    }
    return digest
}

let s3 = S3Client(
    client: AWSClient(credentials: StaticCredentialProvider(credentials), transport: NoTransport()),
    configuration: try AWSServiceConfiguration.resolve(.s3, environment: ["AWS_REGION": inputs.region])
)

func presign(_ count: Int) async throws -> Int {
    var digest = 0
    for index in 0..<count {
        let url = try await s3.presignedGetURL(
            bucket: inputs.presign.bucket, key: inputs.presign.key, expiresIn: inputs.presign.expires,
            at: date.adding(seconds: Int64(index % 3600)))
        digest &+= url.url.utf8.count
    }
    return digest
}

func rate(_ count: Int, _ elapsed: Duration) -> Double {
    Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

let clock = ContinuousClock()
_ = signHeaders(warmUp)
var headerDigest = 0
let headerElapsed = clock.measure { headerDigest = signHeaders(iterations) }

_ = try await presign(warmUp)
var presignDigest = 0
let presignStart = clock.now
presignDigest = try await presign(iterations)
let presignElapsed = clock.now - presignStart

print(
    """
    {"implementation":"AWSCore (Swift)","iterations":\(iterations),\
    "header_signatures_per_second":\(Int(rate(iterations, headerElapsed))),\
    "presigned_urls_per_second":\(Int(rate(iterations, presignElapsed))),\
    "digest":\(headerDigest &+ presignDigest)}
    """)
