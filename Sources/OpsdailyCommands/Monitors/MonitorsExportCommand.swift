#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import CivilTime
import DatadogAsCode
import OpsCore

/// `opsdaily monitors export` (the 2023 monitor exporter): every monitor of the organisation, all pages, one row
/// each, as a workbook, CSV or JSON by the extension of `--out`. Reads only.
public struct MonitorsExportCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write every Datadog monitor to a workbook (.xlsx), .csv or .json.",
        discussion: "Created and Modified are shown in OPS_TIMEZONE (default Asia/Seoul).")

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var datadog: DatadogOptions

    @Option(name: .customLong("tag"), help: ArgumentHelp("Only monitors carrying this tag, e.g. team:argos (repeatable: all of them).", valueName: "tag"))
    public var tags: [String] = []

    @Option(name: .customLong("priority"), help: ArgumentHelp("Only monitors of this priority, 1 to 5 (repeatable: any of them).", valueName: "n"))
    public var priorities: [Int] = []

    @Option(help: ArgumentHelp("The file to write, .xlsx, .csv or .json. Default: datadog-monitors-<date>.xlsx here.", valueName: "file"))
    public var out: String?

    public init() {}

    enum Format: String { case xlsx, csv, json }

    public func validate() throws {
        for tag in tags where tag.isEmpty || tag.count > 200 || tag.contains(where: { $0 == "," || $0.isWhitespace }) {
            throw ValidationError("--tag \"\(tag.prefix(40))\" is not a tag such as team:argos")
        }
        for priority in priorities where !(1...5).contains(priority) { throw ValidationError("--priority must be 1 to 5") }
        if let out {
            guard !out.isEmpty, out.utf8.count <= 1_024, !out.contains("\0"), Self.format(of: out) != nil else {
                throw ValidationError("--out must name a .xlsx, .csv or .json file")
            }
        }
    }

    static func format(of path: String) -> Format? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        return Format(rawValue: path[path.index(after: dot)...].lowercased())
    }

    public func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let zone = try EnvironmentReader(environment).zone()
        let now = Instant.now()
        let connection = try await DatadogConnection.open(datadog, global: global, environment: environment)
        let monitors: [Monitor]
        do {
            monitors = try await connection.client.listMonitors(tags: tags)
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
        if !global.quiet { Terminal.writeError("\(monitors.count) monitors listed from \(connection.client.endpoint)") }
        let export = MonitorExport(monitors: monitors, filter: MonitorFilter(tags: tags, priorities: Set(priorities)), generated: now, zone: zone)
        let path = out ?? "datadog-monitors-\(zone.localDate(at: now)).xlsx"
        let format = Self.format(of: path) ?? .xlsx
        var cut: [String] = []
        let bytes: [UInt8]
        switch format {
        case .xlsx:
            let written = try MonitorWorkbook.write(export)
            cut = written.truncations.map { "\($0.cell.a1) had \($0.originalLength) characters" }
            bytes = written.bytes
        case .csv: bytes = try MonitorWorkbook.csv(export)
        case .json: bytes = MonitorExportJSON.encode(export)
        }
        try OutputFile.save(bytes, to: path)
        Self.print(export, file: path, format: format, cut: cut, output: global.output)
    }

    static func print(_ export: MonitorExport, file: String, format: Format, cut: [String], output: OutputFormat) {
        switch output {
        case .json:
            let document = JSONTree.object([
                JSONMember("file", .string(file)), JSONMember("format", .string(format.rawValue)),
                JSONMember("total", .integer(String(export.rows.count))), JSONMember("teams", MonitorExportJSON.counts(export.teams)),
                JSONMember("cut_to_fit", .array(cut.map(JSONTree.string))),
            ])
            Terminal.write(document.indentedText)
        case .text:
            let teams = export.teams.map { "\($0.team ?? "(no team)") \($0.monitors)" }.joined(separator: ", ")
            Terminal.write("\(export.rows.count) monitors\(teams.isEmpty ? "" : ": \(teams)")")
            for line in cut { Terminal.write("cut to fit a cell (32,767 characters): \(line)") }
            Terminal.write("written \(file)")
        }
    }
}
