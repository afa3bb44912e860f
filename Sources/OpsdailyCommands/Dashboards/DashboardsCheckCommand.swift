#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import DatadogAsCode

/// `opsdaily dashboards check`: every dashboard file against the spec's widget table, its template variables,
/// the layout rules and the normalised form. No network: the check before a commit or a plan. Exit 1 on errors.
public struct DashboardsCheckCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check dashboard files: structure against the OpenAPI spec, template variables, normalised form.")

    @Argument(help: ArgumentHelp("Dashboard files, or folders of them (their *.json).", valueName: "dir|file"))
    public var paths: [String] = ["terraform/datadog/dashboards"]

    @Option(help: "text for people, json for machines.")
    public var output: OutputFormat = .text

    public init() {}

    public func run() async throws {
        let files = try Self.files(paths)
        let reports = files.map { file in
            guard let data = FileManager.default.contents(atPath: file) else { return DashboardReport(file: file, errors: ["cannot read"]) }
            return DashboardCheck.check(Array(data), file: file)
        }
        switch output {
        case .json: Terminal.write(JSONTree.array(reports.map(\.json)).indentedText)
        case .text:
            for report in reports {
                Terminal.write("\(report.file): \(report.widgets) widgets (\(report.groups) groups), \(report.errors.count) errors")
                for error in report.errors { Terminal.write("  \(TextTable.clean(error, 400))") }
            }
            let widgets = reports.map(\.widgets).reduce(0, +)
            let errors = reports.map(\.errors.count).reduce(0, +)
            Terminal.write("\(reports.count) files, \(widgets) widgets, \(errors) errors")
        }
        if reports.contains(where: { !$0.errors.isEmpty }) { throw CommandExit(.failed) }
    }

    /// A folder's `*.json` in name order (code points, as the Python checker sorts), a file as given.
    static func files(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            if let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
                let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
                files += names.filter { $0.hasSuffix(".json") }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { "\(folder)/\($0)" }
            } else {
                files.append(path)
            }
        }
        guard !files.isEmpty else { throw ValidationError("no dashboard files in \(paths.joined(separator: ", "))") }
        return files
    }
}
