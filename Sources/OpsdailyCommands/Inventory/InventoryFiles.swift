import Inventory

/// Where a run's outputs go (SPEC §13.1): `DIR/inventory-<label>-<YYYY-MM>.xlsx|.html|.json` and
/// `DIR/csv/<sheet>.csv`. Each file is written whole to a temporary name and renamed, so a reader never
/// sees half a workbook and an interrupted run leaves the previous one intact.
struct InventoryFiles {
    let directory: String
    let label: String
    let month: ReportMonth

    var base: String { "inventory-\(label)-\(month)" }

    func write(_ report: InventoryReport, outputs: Set<FileFormat>) throws -> [String] {
        let folder = OutputDirectory(path: directory)
        try folder.create()
        var written: [String] = []
        for output in FileFormat.allCases where outputs.contains(output) {
            switch output {
            case .xlsx: written.append(try folder.save(InventoryWorkbook.xlsx(report), as: "\(base).xlsx"))
            case .html: written.append(try folder.save(Array(InventoryHTML.render(report).utf8), as: "\(base).html"))
            case .json: written.append(try folder.save(InventoryJSON.encode(report), as: "\(base).json"))
            case .csv:
                try folder.create("csv")
                for (name, bytes) in try InventoryWorkbook.csvFiles(report) {
                    written.append(try folder.save(bytes, as: "csv/\(name)"))
                }
            }
        }
        return written
    }
}
