#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import AWSCore
import CivilTime
import AsyncHTTPClientSupport
import HTTPCore
import NIOHTTP1
import OpsCore

/// `opsdaily webhook test` (SPEC §13.5): one `[TEST]` notification to the deployed Function URL with the
/// token, the answer printed, the item read back from the alerts table. The check after an apply or a token
/// rotation, and the only one for the Function URL permission Terraform cannot create (a 403 here).
public struct WebhookTestCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Send a [TEST] notification to the webhook and check that it was stored.")

    @OptionGroup public var global: GlobalOptions

    @Option(help: ArgumentHelp("The output of `terraform output -json` of the environment root (URL, header, table, secret).", valueName: "file"))
    public var outputs: String?

    @Option(help: ArgumentHelp("collection's Function URL.", valueName: "url"))
    public var url: String?

    @Option(name: .customLong("token-secret"), help: ArgumentHelp("Secrets Manager id of the token ({\"token\": …}); else OPS_WEBHOOK_TOKEN.", valueName: "id"))
    public var tokenSecret: String?

    @Option(help: ArgumentHelp("Header carrying the token.", valueName: "name"))
    public var header: String?

    @Option(help: ArgumentHelp("The alerts table to read the item back from.", valueName: "name"))
    public var table: String?

    public init() {}

    public mutating func validate() throws {
        if global.profiles.count > 1 || global.regions.count > 1 { throw ValidationError("webhook test runs against one profile and one region") }
        if let url, !SecureURL.isAcceptable(url) { throw ValidationError("--url must be https (plain http only to this machine)") }
        if let header, !header.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) || header.isEmpty {
            throw ValidationError("--header must be an HTTP header name")
        }
        if outputs == nil && (url == nil || table == nil) { throw ValidationError("give --outputs, or --url and --table") }
    }

    struct Settings {
        var url: String
        var header: String
        var table: String
        var tokenSecret: String?
    }

    func settings() throws -> Settings {
        var fromFile = TerraformOutputs()
        if let outputs {
            guard let data = FileManager.default.contents(atPath: outputs) else { throw ValidationError("cannot read \(outputs)") }
            do {
                fromFile = try TerraformOutputs(json: data, path: outputs)
            } catch {
                throw ValidationError(String(describing: error))
            }
        }
        guard let url = url ?? fromFile.webhookURL else { throw ValidationError("no webhook URL: give --url or an outputs file with webhook_url") }
        guard SecureURL.isAcceptable(url) else { throw ValidationError("the webhook URL must be https (plain http only to this machine)") }
        guard let table = table ?? fromFile.alertsTable else { throw ValidationError("no alerts table: give --table or an outputs file with alerts_table") }
        return Settings(
            url: url, header: header ?? fromFile.tokenHeader ?? "X-Ops-Webhook-Token", table: table, tokenSecret: tokenSecret ?? fromFile.webhookSecret)
    }

    public func run() async throws {
        let settings = try settings()
        let environment = ProcessInfo.processInfo.environment
        let transport = AsyncHTTPClientTransport()
        let outcome: Outcome
        do {
            let scope = try AWSSession(environment: environment, transport: transport).scope(profile: global.profiles.first, region: global.regions.first)
            outcome = try await Self.test(settings: settings, scope: scope, environment: environment, transport: transport)
        } catch {
            try? await transport.shutdown()
            throw error
        }
        try? await transport.shutdown()
        outcome.print(format: global.output)
        if !outcome.stored { throw CommandExit(.failed) }
    }

    struct Outcome: Encodable {
        var url: String
        var eventID: String
        var status: Int
        var answer: String
        var stored: Bool
        var table: String
        var advice: String?

        func print(format: OutputFormat) {
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                Terminal.write(String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self))
            case .text:
                Terminal.write("sent    [TEST] notification \(eventID) to \(url)")
                Terminal.write("answer  HTTP \(status) \(answer)")
                Terminal.write(stored ? "stored  EVENT#\(eventID) is in \(table)" : "NOT stored: no EVENT#\(eventID) in \(table)")
                if let advice { Terminal.write(advice) }
            }
        }
    }

    static func test(settings: Settings, scope: AccountScope, environment: [String: String], transport: any HTTPTransport) async throws -> Outcome {
        let token = try await Self.token(settings: settings, scope: scope, environment: environment)
        let now = Instant.now().epochMilliseconds
        var random = SystemRandomNumberGenerator()
        let notification = TestNotification(
            eventID: "opsdaily-test-\(now)-\(String(random.next() % 1_000_000, radix: 10))", now: now,
            sender: environment["USER"].map { String($0.prefix(32)) } ?? "an operator")
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: settings.header, value: token)
        let response = try await transport.send(HTTPRequest(method: .POST, url: settings.url, headers: headers, body: notification.body, timeout: .seconds(20)))
        let answer = String(decoding: response.body.prefix(300), as: UTF8.self).filter { !$0.isNewline }
        var stored = false
        if response.isSuccess {
            let dynamoDB = DynamoDBClient(client: scope.client, configuration: try scope.configuration(for: .dynamoDB))
            let item = try await dynamoDB.getItem(
                tableName: settings.table, key: ["pk": .s(AlertKeys.partitionKey(eventID: notification.eventID)), "sk": .s(AlertKeys.sortKey)],
                consistentRead: true)
            stored = item != nil
        }
        return Outcome(
            url: String(settings.url.prefix { $0 != "?" }), eventID: notification.eventID, status: response.status, answer: answer, stored: stored,
            table: settings.table, advice: stored ? nil : advice(status: response.status))
    }

    /// The token from its secret, else `OPS_WEBHOOK_TOKEN` (local stacks). Never printed.
    static func token(settings: Settings, scope: AccountScope, environment: [String: String]) async throws -> String {
        guard let secretID = settings.tokenSecret else {
            guard let token = environment["OPS_WEBHOOK_TOKEN"], !token.isEmpty else {
                throw ValidationError("no token: give --token-secret (or an outputs file) or set OPS_WEBHOOK_TOKEN")
            }
            return token
        }
        let secrets = SecretsManagerClient(client: scope.client, configuration: try scope.configuration(for: .secretsManager))
        let reference = SecretReference(source: .secret(id: secretID, field: "token"))
        return try await reference.resolve(with: SecretCache(client: secrets))
    }

    static func advice(status: Int) -> String {
        switch status {
        case 401: return "The token is wrong: the secret and the Datadog webhook's header value must be the same."
        case 403: return "The Function URL refused the call: add the invoke-via-URL permission (terraform/README.md, step 3)."
        case 413: return "The test body was refused as too large, which it is not: check what is in front of the URL."
        case 500...599: return "collection could not store it: see its log group; Datadog would retry this."
        case 200...299: return "collection answered but the item is not in the table: is --table the table collection writes?"
        default: return "Unexpected answer: is the URL collection's Function URL?"
        }
    }
}
