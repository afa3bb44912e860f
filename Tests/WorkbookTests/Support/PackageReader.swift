import Workbook
import XMLTree

/// An `.xlsx` read back with `ZipReader` and `XMLTree`: every XML part must parse, and cells can be
/// looked up with their shared strings resolved.
struct PackageReader {
    let zip: ZipReader

    init(_ bytes: [UInt8]) throws {
        zip = try ZipReader(bytes)
    }

    init(_ workbook: Workbook) throws {
        try self.init(workbook.xlsx())
    }

    func part(_ name: String) throws -> XMLElement {
        guard let bytes = zip[name] else { throw ZipReader.Malformed(description: "no part \(name)") }
        return try XMLDocument.parse(bytes)
    }

    func text(_ name: String) -> String? {
        zip[name].map { String(decoding: $0, as: UTF8.self) }
    }

    /// The shared strings, as the file stores them (no `_xHHHH_` decoding).
    func sharedStrings() throws -> [String] {
        try part("xl/sharedStrings.xml").children(named: "si").map { $0.child("t")?.text ?? "" }
    }

    func worksheet(_ number: Int) throws -> XMLElement {
        try part("xl/worksheets/sheet\(number).xml")
    }

    /// The `<c>` element at `reference` of sheet `number`.
    func cell(_ reference: String, sheet number: Int = 1) throws -> XMLElement? {
        let rows = try worksheet(number).child("sheetData")?.children(named: "row") ?? []
        return rows.lazy.flatMap { $0.children(named: "c") }.first { $0.attributes["r"] == reference }
    }

    /// A text cell's string, looked up in the shared strings.
    func string(_ reference: String, sheet number: Int = 1) throws -> String? {
        guard let cell = try cell(reference, sheet: number), cell.attributes["t"] == "s",
            let index = Int(cell.child("v")?.text ?? "")
        else { return nil }
        return try sharedStrings()[index]
    }
}
