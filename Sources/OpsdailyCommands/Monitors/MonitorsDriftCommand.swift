#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import DatadogAsCode
import OpsCore

/// `opsdaily monitors drift`: the Terraform catalogue against the live organisation, for a person or a CI gate
/// (exit 3 on drift). Reads only.
public struct MonitorsDriftCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "drift", abstract: "Compare the monitor catalogue with Datadog: missing, unmanaged, changed, not notifying the webhook.",
        discussion: "Exit 3 when anything differs, 0 when Datadog is as the catalogue makes it.")

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var datadog: DatadogOptions

    @Option(help: ArgumentHelp("The monitor catalogue.", valueName: "file"))
    public var catalogue = "terraform/datadog/monitors.json"

    @Option(help: ArgumentHelp("The team the catalogue's monitors are tagged with (var.team of the Datadog stack).", valueName: "team"))
    public var team = "argos"

    @Option(help: ArgumentHelp("The collection webhook's name (var.webhook_name): every managed monitor notifies @webhook-<name>.", valueName: "name"))
    public var webhook = "opsdaily-collection"

    public init() {}

    public func validate() throws {
        guard !team.isEmpty, team.count <= 200, team.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || "_.-".contains($0)) }) else {
            throw ValidationError("--team must be a lower-case tag value (letters, digits, '_', '.', '-')")
        }
        guard !webhook.isEmpty, webhook.count <= 200, webhook.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
            throw ValidationError("--webhook must be a webhook name (letters, digits, '_', '-')")
        }
    }

    public func run() async throws {
        guard let data = FileManager.default.contents(atPath: catalogue), data.count <= 16 << 20 else {
            throw ValidationError("cannot read the catalogue \(catalogue) (at most 16 MiB)")
        }
        let entries = try MonitorCatalogue(json: Array(data))
        let environment = ProcessInfo.processInfo.environment
        let connection = try await DatadogConnection.open(datadog, global: global, environment: environment)
        let monitors: [Monitor]
        do {
            monitors = try await connection.client.listMonitors(tags: [])
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
        let drift = MonitorDrift(catalogue: entries, monitors: monitors, conventions: MonitorConventions(team: team, webhookName: webhook))
        let organisation = connection.client.endpoint.description
        switch global.output {
        case .json: Terminal.write(drift.json(catalogue: catalogue, datadog: organisation).indentedText)
        case .text: Terminal.write(Self.text(drift, catalogue: catalogue, datadog: organisation))
        }
        if drift.hasDrift { throw CommandExit(.findings) }
    }

    static func text(_ drift: MonitorDrift, catalogue: String, datadog: String) -> String {
        var lines = [
            "catalogue \(catalogue): \(drift.catalogueSize) monitors; "
                + "Datadog \(datadog): \(drift.teamMonitors) monitors tagged team:\(drift.conventions.team)"
        ]
        let table = TextTable(header: ["kind", "key", "id", "name", "detail"], maximumWidth: 80)
        for finding in drift.findings {
            table.add([
                finding.kind.rawValue, finding.key ?? "-", finding.id.map { String($0) } ?? "-", finding.name,
                finding.differences.isEmpty ? finding.detail : finding.differences.map(\.field).joined(separator: ", "),
            ])
        }
        if !table.isEmpty { lines.append(table.render()) }
        for finding in drift.findings where !finding.differences.isEmpty {
            lines.append("\(finding.key ?? "-") (\(finding.id.map { String($0) } ?? "-")):")
            for difference in finding.differences {
                let catalogue = TextTable.clean(difference.catalogue, 200)
                lines.append("  \(difference.field): catalogue \(catalogue), Datadog \(TextTable.clean(difference.datadog, 200))")
            }
        }
        let counts = DriftFinding.Kind.allCases.map { "\(drift.count($0)) \($0.rawValue)" }.joined(separator: ", ")
        lines.append(drift.hasDrift ? "drift: \(drift.findings.count) findings (\(counts))" : "no drift: Datadog is as the catalogue makes it")
        return lines.joined(separator: "\n")
    }
}
