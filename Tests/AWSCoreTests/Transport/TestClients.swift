@testable import AWSCore
import CivilTime
import Foundation
import TestSupport

/// Clients wired to a scripted transport, a fixed clock and a sleeper that does not sleep.
enum TestClients {
    static let credentials = AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "test-secret")
    static let fixedDate = Instant(epochSeconds: 1_764_000_000)

    static func awsClient(
        _ transport: ScriptedTransport, sleeper: RecordingSleeper = RecordingSleeper(), quota: RetryQuota = RetryQuota(),
        random: @escaping @Sendable () -> Double = { 0.5 }
    ) -> AWSClient {
        AWSClient(
            credentials: StaticCredentialProvider(credentials),
            transport: transport,
            retryStrategy: StandardRetryStrategy(quota: quota, sleeper: sleeper, random: random),
            now: { fixedDate }
        )
    }

    static func configuration(_ service: AWSService, endpoint: String = "http://127.0.0.1:1") throws -> AWSServiceConfiguration {
        AWSServiceConfiguration(service: service, region: "ap-northeast-2", endpoint: try AWSEndpoint(parsing: endpoint))
    }
}
