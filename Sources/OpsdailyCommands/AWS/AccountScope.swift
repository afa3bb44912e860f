import AWSCore
import AWSCredentialSources
import HTTPCore
import Logging

/// One account (a profile, or the default chain) in one region: its credentials and the configuration of any
/// service there. Endpoints follow `AWS_ENDPOINT_URL[_<SERVICE>]`; global services resolve to their one
/// endpoint in the region's partition.
public struct AccountScope: Sendable {
    /// The profile named on the command line; nil for the default chain.
    public let profile: String?
    public let region: String
    public let credentials: any CredentialProvider
    public let client: AWSClient
    let environment: [String: String]

    /// `profile` as printed: the name, or `(default chain)`.
    public var profileLabel: String { profile ?? "(default chain)" }

    public func configuration(for service: AWSService, timeout: Duration = .seconds(20)) throws -> AWSServiceConfiguration {
        try AWSServiceConfiguration.resolve(service, region: region, environment: environment, timeout: timeout)
    }

    public func serviceClient(_ service: AWSService, _ wireProtocol: WireProtocol) throws -> ServiceClient {
        try ServiceClient(client: client, service: service, region: region, environment: environment, timeout: .seconds(20), wireProtocol: wireProtocol)
    }
}

/// Where a run's scopes come from: the profiles and regions of the command line, the shared files, the
/// environment. One transport (connection pool) for the whole run.
public struct AWSSession: Sendable {
    public let environment: [String: String]
    public let transport: any HTTPTransport
    let mfa: any MFACodeSource
    let logger: Logger

    public init(
        environment: [String: String], transport: any HTTPTransport, mfa: any MFACodeSource = TerminalMFACodeSource(),
        logger: Logger = Logger(label: "opsdaily")
    ) {
        self.environment = environment
        self.transport = transport
        self.mfa = mfa
        self.logger = logger
    }

    /// The scope of `profile` (nil: the default chain) in `region`, or in the profile's own region, else the
    /// environment's (`AWS_REGION`, `AWS_DEFAULT_REGION`).
    public func scope(profile: String?, region: String?) throws -> AccountScope {
        let profiles = try ProfileCredentialResolver(environment: environment, region: region, transport: transport, mfa: mfa, logger: logger)
        let implicitProfile = profile ?? environment.nonEmpty("AWS_PROFILE") ?? "default"
        let resolvedRegion = region ?? profiles.region(ofProfile: implicitProfile) ?? environment.nonEmpty("AWS_REGION")
            ?? environment.nonEmpty("AWS_DEFAULT_REGION")
        // The profile first: a broken one (a loop, a missing setting) says so before a missing region does.
        let credentials = try DefaultCredentialChain.provider(
            profile: profile, environment: environment, region: resolvedRegion, transport: transport, mfa: mfa, logger: logger)
        guard let resolvedRegion else { throw EndpointError.missingRegion }
        return AccountScope(
            profile: profile, region: resolvedRegion, credentials: credentials,
            client: AWSClient(credentials: credentials, transport: transport, logger: logger), environment: environment)
    }

    /// Every (profile, region) pair of the command line; no `--profile` means the default chain, no `--region`
    /// the profile's region. A profile that cannot be set up is reported, not fatal to the others.
    public func scopes(_ options: GlobalOptions) -> [(profile: String?, region: String?, scope: Result<AccountScope, any Error>)] {
        let profiles: [String?] = options.profiles.isEmpty ? [nil] : options.profiles
        let regions: [String?] = options.regions.isEmpty ? [nil] : options.regions
        return profiles.flatMap { profile in
            regions.map { region in (profile, region, Result { try scope(profile: profile, region: region) }) }
        }
    }
}
