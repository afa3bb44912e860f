import AWSCore
import HTTPCore
import Logging

/// The SDKs' default chain for an operator's machine, a CI runner or AWS CloudShell: the environment, a web
/// identity token, the profile (`AWS_PROFILE`, else `default`) of the shared files, the container endpoint,
/// instance metadata. A profile named on the command line is used alone, as the SDKs do when one is
/// named explicitly.
public enum DefaultCredentialChain {
    public static func provider(
        profile: String?, environment: [String: String], region: String?, transport: any HTTPTransport,
        mfa: any MFACodeSource = TerminalMFACodeSource(), logger: Logger = Logger(label: "opsdaily.credentials")
    ) throws -> any CredentialProvider {
        let profiles = try ProfileCredentialResolver(environment: environment, region: region, transport: transport, mfa: mfa, logger: logger)
        if let profile { return try profiles.provider(for: profile) }
        var chain: [any CredentialProvider] = [EnvironmentCredentialProvider(environment: environment)]
        if let webIdentity = WebIdentityCredentialProvider.fromEnvironment(
            environment, sts: try AWSServiceConfiguration.resolve(.sts, region: region ?? "us-east-1", environment: environment),
            transport: transport, logger: logger)
        {
            chain.append(RefreshingCredentialProvider(webIdentity))
        }
        // AWS_PROFILE names a profile that must exist; the default profile may be absent.
        if let named = environment.nonEmpty("AWS_PROFILE") {
            chain.append(try profiles.provider(for: named))
        } else if profiles.hasProfile("default") {
            chain.append(try profiles.provider(for: "default"))
        }
        chain.append(RefreshingCredentialProvider(ContainerCredentialProvider(environment: environment, transport: transport)))
        chain.append(RefreshingCredentialProvider(InstanceMetadataCredentialProvider(environment: environment, transport: transport)))
        return CredentialProviderChain(chain)
    }
}
