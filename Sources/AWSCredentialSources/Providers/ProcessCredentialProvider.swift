#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AWSCore
import CivilTime

/// `credential_process`: a command that prints version-1 credentials JSON
/// (`{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken"?, "Expiration"?}`). Run without a shell,
/// split like the SDKs do (quotes group words), at most a minute and 1 MiB of output.
public struct ProcessCredentialProvider: CredentialProvider {
    public let profile: String
    public let command: String
    let environment: [String: String]

    public init(profile: String, command: String, environment: [String: String]) {
        self.profile = profile
        self.command = command
        self.environment = environment
    }

    private struct Output: Decodable {
        var Version: Int?
        var AccessKeyId: String?
        var SecretAccessKey: String?
        var SessionToken: String?
        var Expiration: String?
    }

    public func credentials() async throws -> AWSCredentials {
        let arguments = try Self.split(command, profile: profile)
        let result: ChildProcess.Result
        do {
            result = try await ChildProcess.run(arguments, environment: environment, timeout: .seconds(60), maximumOutput: 1 << 20)
        } catch let failure as ChildProcess.Failure {
            let reason = switch failure {
            case .cannotStart(let why): "could not start: \(why)"
            case .timedOut: "did not finish within 60 s"
            case .outputTooLarge: "printed more than 1 MiB"
            }
            throw CredentialSourceError.processFailed(profile: profile, reason: reason)
        }
        guard result.status == 0 else { throw CredentialSourceError.processFailed(profile: profile, reason: "exited with status \(result.status)") }
        // What was printed is credentials: errors say what is wrong with it, never what it holds.
        guard let output = try? JSONDecoder().decode(Output.self, from: Data(result.output)) else {
            throw CredentialSourceError.processFailed(profile: profile, reason: "printed something that is not a JSON object")
        }
        guard output.Version == 1 else { throw CredentialSourceError.processFailed(profile: profile, reason: "printed Version \(output.Version.map(String.init) ?? "none"), not 1") }
        guard let id = output.AccessKeyId, !id.isEmpty, let secret = output.SecretAccessKey, !secret.isEmpty else {
            throw CredentialSourceError.processFailed(profile: profile, reason: "printed no AccessKeyId or SecretAccessKey")
        }
        var expiration: Instant?
        if let text = output.Expiration {
            guard let instant = try? Instant(iso8601: text) else {
                throw CredentialSourceError.processFailed(profile: profile, reason: "printed an Expiration that is not an ISO 8601 time")
            }
            expiration = instant
        }
        return AWSCredentials(
            accessKeyID: id, secretAccessKey: secret, sessionToken: output.SessionToken.flatMap { $0.isEmpty ? nil : $0 },
            expiration: expiration, source: "credential_process")
    }

    /// Words separated by spaces; single or double quotes group them, a backslash escapes the next character.
    static func split(_ command: String, profile: String) throws(CredentialSourceError) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in command {
            if escaped {
                word.append(character)
                escaped = false
            } else if character == "\\" && quote != "'" {
                escaped = true
                inWord = true
            } else if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        guard quote == nil, !escaped else { throw .processFailed(profile: profile, reason: "has an unclosed quote") }
        if inWord { words.append(word) }
        guard !words.isEmpty else { throw .processFailed(profile: profile, reason: "is empty") }
        return words
    }
}
