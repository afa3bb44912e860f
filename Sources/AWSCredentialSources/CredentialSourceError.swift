/// Why a credential source could not give credentials, in words an operator can act on. No error carries a
/// secret: not a key, not a token, not a line of a config file.
public enum CredentialSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    case profileNotFound(profile: String, files: [String])
    /// A setting that is missing, contradicts another, or has a value the SDKs do not accept.
    case invalidProfile(profile: String, reason: String)
    /// `source_profile` chains that come back to a profile already in the chain.
    case roleChainLoop(profiles: [String])
    case ssoLoginNeeded(profile: String, reason: String)
    case mfaCodeNeeded(profile: String, serial: String, reason: String)
    case processFailed(profile: String, reason: String)
    case webIdentityTokenUnreadable(path: String)
    case containerCredentialsRefused(reason: String)
    case instanceMetadataUnavailable(reason: String)
    /// An answer from a credential endpoint that is not the documented document.
    case malformedCredentials(source: String, reason: String)

    public var description: String {
        switch self {
        case .profileNotFound(let profile, let files):
            return "profile \"\(profile)\" not found in \(files.joined(separator: " or "))"
        case .invalidProfile(let profile, let reason):
            return "profile \"\(profile)\": \(reason)"
        case .roleChainLoop(let profiles):
            return "source_profile loop: \(profiles.joined(separator: " → "))"
        case .ssoLoginNeeded(let profile, let reason):
            return "profile \"\(profile)\": \(reason); run `aws sso login --profile \(profile)`"
        case .mfaCodeNeeded(let profile, let serial, let reason):
            return "profile \"\(profile)\" needs an MFA code for \(serial): \(reason)"
        case .processFailed(let profile, let reason):
            return "profile \"\(profile)\": credential_process \(reason)"
        case .webIdentityTokenUnreadable(let path):
            return "web identity token file \(path) cannot be read"
        case .containerCredentialsRefused(let reason):
            return "container credentials: \(reason)"
        case .instanceMetadataUnavailable(let reason):
            return "instance metadata credentials: \(reason)"
        case .malformedCredentials(let source, let reason):
            return "\(source) answered something that is not credentials: \(reason)"
        }
    }
}
