import AWSCore
import HTTPCore
import Logging

/// Turns a named profile of the shared files into the provider that gives its credentials, as the SDKs do:
/// `role_arn` with `source_profile` (chains of roles) or `credential_source`, `web_identity_token_file`,
/// `sso_session` or the legacy `sso_*` keys, `credential_process`, static keys. Temporary credentials are
/// kept until five minutes before they expire. A chain that loops is an error, found before any call.
public struct ProfileCredentialResolver: Sendable {
    let credentialsFile: SharedConfigFile
    let configFile: SharedConfigFile
    let environment: [String: String]
    /// The region STS and the SSO portal are called in when the profile names none.
    let region: String?
    let transport: any HTTPTransport
    let mfa: any MFACodeSource
    let logger: Logger

    public init(
        environment: [String: String], region: String?, transport: any HTTPTransport, mfa: any MFACodeSource = TerminalMFACodeSource(),
        logger: Logger = Logger(label: "opsdaily.credentials")
    ) throws {
        let paths = SharedConfigFile.paths(environment: environment)
        credentialsFile = try SharedConfigFile(contentsOf: paths.credentials)
        configFile = try SharedConfigFile(contentsOf: paths.config)
        self.environment = environment
        self.region = region
        self.transport = transport
        self.mfa = mfa
        self.logger = logger
    }

    /// Whether either file has the profile.
    public func hasProfile(_ name: String) -> Bool {
        ProfileSettings(name: name, credentials: credentialsFile, config: configFile) != nil
    }

    /// The profile's `region` setting.
    public func region(ofProfile name: String) -> String? {
        ProfileSettings(name: name, credentials: credentialsFile, config: configFile)?["region"]
    }

    public func provider(for profile: String) throws -> any CredentialProvider {
        try provider(for: profile, chain: [])
    }

    private func provider(for name: String, chain: [String]) throws -> any CredentialProvider {
        if chain.contains(name) { throw CredentialSourceError.roleChainLoop(profiles: chain + [name]) }
        guard let profile = ProfileSettings(name: name, credentials: credentialsFile, config: configFile) else {
            throw CredentialSourceError.profileNotFound(profile: name, files: [credentialsFile.path, configFile.path])
        }
        if let roleARN = profile["role_arn"] { return try assumeRole(roleARN, profile: profile, chain: chain + [name]) }
        if profile["sso_session"] != nil || profile["sso_start_url"] != nil { return try sso(profile) }
        if let command = profile["credential_process"] {
            return RefreshingCredentialProvider(ProcessCredentialProvider(profile: name, command: command, environment: environment))
        }
        if profile["aws_access_key_id"] != nil || profile["aws_secret_access_key"] != nil { return try staticKeys(profile) }
        throw CredentialSourceError.invalidProfile(
            profile: name, reason: "no credentials: it has none of aws_access_key_id, role_arn, sso_session, sso_start_url, credential_process")
    }

    private func staticKeys(_ profile: ProfileSettings) throws -> any CredentialProvider {
        StaticCredentialProvider(try profile.staticCredentials(files: "\(credentialsFile.path) or \(configFile.path)"))
    }

    private func assumeRole(_ roleARN: String, profile: ProfileSettings, chain: [String]) throws -> any CredentialProvider {
        let sts = try stsConfiguration(profile)
        let sessionName = profile["role_session_name"] ?? RoleSessionName.make()
        if let tokenFile = profile["web_identity_token_file"] {
            return RefreshingCredentialProvider(WebIdentityCredentialProvider(
                roleARN: roleARN, tokenFile: tokenFile, sessionName: sessionName, label: "web identity (profile \(profile.name))", sts: sts,
                transport: transport, logger: logger))
        }
        let source: any CredentialProvider
        let label: String
        switch (profile["source_profile"], profile["credential_source"]) {
        case (let sourceProfile?, nil):
            // A profile may source its own static keys (the SDKs allow it); any other repeat is a loop.
            source = sourceProfile == profile.name ? try staticKeys(profile) : try provider(for: sourceProfile, chain: chain)
            label = "assume-role via source_profile \(sourceProfile)"
        case (nil, let credentialSource?):
            source = try credentialSourceProvider(credentialSource, profile: profile.name)
            label = "assume-role via credential_source \(credentialSource)"
        case (.some, .some):
            throw CredentialSourceError.invalidProfile(profile: profile.name, reason: "source_profile and credential_source cannot both be set")
        case (nil, nil):
            throw CredentialSourceError.invalidProfile(
                profile: profile.name, reason: "role_arn needs source_profile, credential_source or web_identity_token_file")
        }
        let request = STSClient.RoleRequest(
            roleARN: roleARN, sessionName: sessionName, externalID: profile["external_id"],
            durationSeconds: try profile.integer("duration_seconds", in: 900...43_200))
        return RefreshingCredentialProvider(AssumeRoleCredentialProvider(
            request: request, profile: profile.name, label: label, source: source,
            mfa: profile["mfa_serial"].map { AssumeRoleCredentialProvider.MFACode(serial: $0, source: mfa) }, sts: sts,
            transport: transport, logger: logger))
    }

    private func credentialSourceProvider(_ name: String, profile: String) throws -> any CredentialProvider {
        switch name {
        case "Environment": return EnvironmentCredentialProvider(environment: environment)
        case "Ec2InstanceMetadata": return RefreshingCredentialProvider(InstanceMetadataCredentialProvider(environment: environment, transport: transport))
        case "EcsContainer": return RefreshingCredentialProvider(ContainerCredentialProvider(environment: environment, transport: transport))
        default:
            throw CredentialSourceError.invalidProfile(
                profile: profile, reason: "credential_source must be Environment, Ec2InstanceMetadata or EcsContainer")
        }
    }

    private func sso(_ profile: ProfileSettings) throws -> any CredentialProvider {
        let tokenKey: String
        let ssoRegion: String?
        if let sessionName = profile["sso_session"] {
            guard let session = configFile.ssoSession(sessionName) else {
                throw CredentialSourceError.invalidProfile(profile: profile.name, reason: "sso_session \(sessionName) has no [sso-session \(sessionName)] section")
            }
            tokenKey = sessionName
            ssoRegion = session.nonEmpty("sso_region") ?? profile["sso_region"]
        } else {
            tokenKey = profile["sso_start_url"] ?? ""
            ssoRegion = profile["sso_region"]
        }
        guard let account = profile["sso_account_id"], let role = profile["sso_role_name"], let ssoRegion else {
            throw CredentialSourceError.invalidProfile(profile: profile.name, reason: "an SSO profile needs sso_account_id, sso_role_name and sso_region")
        }
        let portal = try AWSServiceConfiguration.resolve(SSOPortalClient.service, region: ssoRegion, environment: environment)
        return RefreshingCredentialProvider(SSOCredentialProvider(
            profile: profile.name, accountID: account, roleName: role, tokenKey: tokenKey, portal: portal, environment: environment,
            transport: transport, logger: logger))
    }

    /// STS in the profile's region, else the one the run uses, else `us-east-1`, with `sts_regional_endpoints`
    /// from the profile when the environment does not set it.
    private func stsConfiguration(_ profile: ProfileSettings) throws -> AWSServiceConfiguration {
        var environment = environment
        if environment.nonEmpty("AWS_STS_REGIONAL_ENDPOINTS") == nil, let mode = profile["sts_regional_endpoints"] {
            environment["AWS_STS_REGIONAL_ENDPOINTS"] = mode
        }
        return try AWSServiceConfiguration.resolve(.sts, region: profile["region"] ?? region ?? "us-east-1", environment: environment)
    }
}
