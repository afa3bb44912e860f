#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AWSCore
import AsyncHTTPClientSupport
import CivilTime
import Fleet
import HTTPCore
import Workbook

/// One run of a fleet command: the accounts behind the profiles, a `FleetRegion` for each of their regions,
/// and the profiles or regions that could not be reached (reported, the rest go on).
struct FleetSession {
    let apis: [any FleetAPI]
    let problems: [ReadProblem]
    let transport: AsyncHTTPClientTransport

    static func open(global: GlobalOptions, pageSize: Int?) async -> FleetSession {
        let transport = AsyncHTTPClientTransport(connectionsPerHost: 16)
        let session = AWSSession(environment: ProcessInfo.processInfo.environment, transport: transport)
        var apis: [any FleetAPI] = []
        var problems: [ReadProblem] = []
        for (profile, result) in await session.resolveAccounts(global) {
            switch result {
            case .success(let account):
                for region in global.regions.isEmpty ? [account.scope.region] : global.regions {
                    do {
                        apis.append(try FleetRegion(
                            account: account.accountID, region: region, client: account.scope.client, environment: session.environment,
                            pageSize: pageSize))
                    } catch {
                        problems.append(ReadProblem(account: account.accountID, region: region, listing: "endpoints", reason: String(describing: error)))
                    }
                }
            case .failure(let error):
                problems.append(ReadProblem(
                    account: profile, region: global.regions.first ?? "-", listing: "credentials", reason: String(String(describing: error).prefix(300))))
            }
        }
        return FleetSession(apis: apis, problems: problems, transport: transport)
    }

    func close() async {
        try? await transport.shutdown()
    }

    /// The report's files in `out`: `<base>.xlsx`, `<base>.html`, `csv/<base>-<table>.csv`.
    static func write(_ report: FleetReport, base: String, out: String?, formats: Set<FileFormat>) throws -> [String] {
        guard let out else { return [] }
        let folder = OutputDirectory(path: out)
        try folder.create()
        let now = try CivilDateTime(epochSeconds: Instant.now().epochSeconds)
        var written: [String] = []
        for format in FileFormat.allCases where formats.contains(format) {
            switch format {
            case .xlsx: written.append(try folder.save(try report.workbook(created: now).xlsx(), as: "\(base).xlsx"))
            case .html: written.append(try folder.save(Array(report.html().utf8), as: "\(base).html"))
            case .csv:
                try folder.create("csv")
                for (name, bytes) in try report.csvFiles(created: now) {
                    written.append(try folder.save(bytes, as: "csv/\(base)-\(name.lowercased().replacing(" ", with: "-"))"))
                }
            case .json: break
            }
        }
        return written
    }

    static func encodeJSON(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
