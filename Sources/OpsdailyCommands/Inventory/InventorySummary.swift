#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Inventory

/// What `opsdaily inventory` prints when done: the counts, the cost, what did not complete, the files.
enum InventorySummary {
    struct Document: Encodable {
        let label: String
        let month: String
        let files: [String]
        let counts: [String: Int]
        let costTotal: String?
        let costEstimated: Bool?
        let incomplete: [Incomplete]
    }

    struct Incomplete: Encodable {
        let profile: String
        let region: String
        let kind: String
        let state: String
        let detail: String
    }

    static func print(_ report: InventoryReport, files: [String], format: OutputFormat) {
        let incomplete = report.coverage.filter { $0.state.name != "ok" }
        switch format {
        case .json:
            let document = Document(
                label: report.label, month: report.month.description, files: files,
                counts: Dictionary(report.kinds.map { ($0.kind.id, $0.rows.count) }, uniquingKeysWith: +),
                costTotal: report.cost?.combined.total.description, costEstimated: report.cost?.combined.estimated,
                incomplete: incomplete.map {
                    Incomplete(profile: $0.profile, region: $0.region, kind: $0.kind, state: $0.state.description, detail: $0.detail)
                })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Terminal.write(String(decoding: (try? encoder.encode(document)) ?? Data("{}".utf8), as: UTF8.self))
        case .text:
            let table = TextTable(header: ["KIND", "COUNT", "COST"])
            for kind in report.kinds where !kind.rows.isEmpty || report.cost?.combined.row(ofKind: kind.kind.id) != nil {
                table.add([kind.kind.title, String(kind.rows.count), report.cost?.combined.row(ofKind: kind.kind.id)?.amount.description ?? ""])
            }
            if !table.isEmpty { Terminal.write(table.render()) }
            if let cost = report.cost?.combined {
                Terminal.write("cost \(report.month): \(cost.total) \(cost.currency)\(cost.estimated ? " (estimated)" : ""), \(report.month.previous): \(cost.previousTotal)")
            }
            for entry in incomplete {
                Terminal.writeError("\(entry.profile) \(entry.region) \(entry.kind): \(entry.state) \(entry.detail)")
            }
            for file in files { Terminal.write("wrote \(file)") }
        }
    }
}
