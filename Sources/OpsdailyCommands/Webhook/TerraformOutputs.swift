#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What `terraform output -json` of an environment root says about the webhook: its URL, token header,
/// alerts table and the webhook secret's ARN (the module's outputs; never a secret value).
struct TerraformOutputs: Equatable {
    var webhookURL: String?
    var tokenHeader: String?
    var alertsTable: String?
    var webhookSecret: String?

    private struct Output<Value: Decodable>: Decodable { var value: Value }
    private struct File: Decodable {
        var webhook_url: Output<String>?
        var webhook_token_header: Output<String>?
        var alerts_table: Output<String>?
        var secret_arns: Output<[String: String]>?
    }

    init(webhookURL: String? = nil, tokenHeader: String? = nil, alertsTable: String? = nil, webhookSecret: String? = nil) {
        self.webhookURL = webhookURL
        self.tokenHeader = tokenHeader
        self.alertsTable = alertsTable
        self.webhookSecret = webhookSecret
    }

    init(json data: Data, path: String) throws {
        guard data.count <= 4 << 20, let file = try? JSONDecoder().decode(File.self, from: data) else {
            throw TerraformOutputsError(path: path)
        }
        self.init(
            webhookURL: file.webhook_url?.value, tokenHeader: file.webhook_token_header?.value, alertsTable: file.alerts_table?.value,
            webhookSecret: file.secret_arns?.value["webhook"])
    }
}

struct TerraformOutputsError: Error, CustomStringConvertible {
    var path: String
    var description: String { "\(path) is not the JSON of `terraform output -json` (at most 4 MiB)" }
}
