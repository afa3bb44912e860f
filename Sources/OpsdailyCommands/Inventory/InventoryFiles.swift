#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Inventory

/// Where a run's outputs go (SPEC §13.1): `DIR/inventory-<label>-<YYYY-MM>.xlsx|.html|.json` and
/// `DIR/csv/<sheet>.csv`. Each file is written whole to a temporary name and renamed, so a reader never
/// sees half a workbook and an interrupted run leaves the previous one intact.
struct InventoryFiles {
    let directory: String
    let label: String
    let month: ReportMonth

    var base: String { "inventory-\(label)-\(month)" }

    func write(_ report: InventoryReport, outputs: Set<InventoryOptions.Output>) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written: [String] = []
        for output in InventoryOptions.Output.allCases where outputs.contains(output) {
            switch output {
            case .xlsx: written.append(try save(InventoryWorkbook.xlsx(report), as: "\(base).xlsx"))
            case .html: written.append(try save(Array(InventoryHTML.render(report).utf8), as: "\(base).html"))
            case .json: written.append(try save(InventoryJSON.encode(report), as: "\(base).json"))
            case .csv:
                let folder = directory + "/csv"
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for (name, bytes) in try InventoryWorkbook.csvFiles(report) {
                    written.append(try save(bytes, as: "csv/\(name)"))
                }
            }
        }
        return written
    }

    private func save(_ bytes: [UInt8], as name: String) throws -> String {
        let path = directory + "/" + name
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw InventoryFileError(path: path, reason: String(describing: error))
        }
        return path
    }
}

struct InventoryFileError: Error, CustomStringConvertible {
    let path: String
    let reason: String

    var description: String { "cannot write \(path): \(reason)" }
}
