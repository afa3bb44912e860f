#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import DatadogAsCode
import OpsCore

/// `opsdaily dashboards pull ID`: a dashboard edited in the UI, written back in the files' normalised form, so
/// the change is a diff of what was edited and the next `terraform plan` shows no drift.
public struct DashboardsPullCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "pull", abstract: "Write a dashboard from Datadog in the normalised form of terraform/datadog/dashboards.")

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var datadog: DatadogOptions

    @Argument(help: ArgumentHelp("The dashboard's id, as in its URL (abc-def-ghi).", valueName: "id"))
    public var id: String

    @Option(help: ArgumentHelp("The file to write. Default: standard output.", valueName: "file"))
    public var out: String?

    public init() {}

    public func validate() throws {
        guard !id.isEmpty, id.count <= 64, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw ValidationError("\"\(id.prefix(40))\" is not a dashboard id such as abc-def-ghi")
        }
        if let out, out.isEmpty || out.utf8.count > 1_024 || out.contains("\0") { throw ValidationError("--out is not a file path") }
    }

    public func run() async throws {
        let connection = try await DatadogConnection.open(datadog, global: global, environment: ProcessInfo.processInfo.environment)
        let bytes: [UInt8]
        do {
            bytes = try await connection.client.dashboard(id: id)
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
        let text: String
        do {
            text = try DashboardFile.normalisedText(bytes)
        } catch {
            throw DatadogError.malformedResponse(path: "/api/v1/dashboard/\(id)", detail: error.description)
        }
        let report = DashboardCheck.check(Array(text.utf8), file: out ?? id)
        // Datadog accepted it, but what the files are checked for should be known before the file is committed.
        for error in report.errors { Terminal.writeError("warning: \(error)") }
        guard let out else {
            // The text ends with its newline; `write` adds one.
            Terminal.write(String(text.dropLast()))
            return
        }
        try OutputFile.save(Array(text.utf8), to: out)
        switch global.output {
        case .json:
            Terminal.write(JSONTree.object([
                JSONMember("id", .string(id)), JSONMember("file", .string(out)), JSONMember("title", .string(report.title)),
                JSONMember("widgets", .integer(String(report.widgets))), JSONMember("warnings", .array(report.errors.map(JSONTree.string))),
            ]).indentedText)
        case .text:
            Terminal.write("written \(out): \"\(TextTable.clean(report.title, 100))\", \(report.widgets) widgets (\(report.groups) groups)")
        }
    }
}
