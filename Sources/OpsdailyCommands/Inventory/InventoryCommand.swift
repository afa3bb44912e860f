#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import AsyncHTTPClientSupport
import CivilTime
import HTTPCore
import Inventory

/// `opsdaily inventory` (SPEC §13.1): every resource of every account and region of the run, with the month's
/// cost, as a workbook, a page, CSV and JSON. The outputs are always written; the exit status is 1 when any
/// listing ended in an error.
public struct InventoryCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "inventory", abstract: "List every resource of the accounts and regions with the month's cost (xlsx, html, csv, json).")

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var options: InventoryOptions

    public init() {}

    public func run() async throws {
        // The collector's gates bound calls per service and region; the pool only must not queue them further.
        let transport = AsyncHTTPClientTransport(connectionsPerHost: 64)
        let session = AWSSession(environment: ProcessInfo.processInfo.environment, transport: transport)
        let now = Instant.now()
        let progress = Progress(title: "inventory", total: 0, style: Progress.style(quiet: global.quiet))
        let report: InventoryReport
        do {
            report = try await InventoryRun(session: session, global: global, options: options, now: now).report(progress: progress)
        } catch {
            try? await transport.shutdown()
            throw error
        }
        try? await transport.shutdown()
        let written = try InventoryFiles(directory: options.out, label: report.label, month: report.month).write(report, outputs: try options.outputs())
        InventorySummary.print(report, files: written, format: global.output)
        if report.hasErrors { throw CommandExit(.failed) }
    }
}
