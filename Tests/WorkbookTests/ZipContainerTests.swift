import Testing
import Workbook
import XMLTree

/// The container read back with `ZipReader`, which checks each entry against the central directory,
/// inflates it and checks its size and CRC-32 (Python's zipfile does the same in the end-to-end test).
@Suite struct ZipContainerTests {
    @Test func entriesInAFixedOrder() throws {
        let reader = try PackageReader(try SampleWorkbook.make().xlsx())
        #expect(
            reader.zip.entries.map(\.name) == [
                "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels",
                "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/_rels/sheet2.xml.rels", "xl/worksheets/sheet3.xml",
                "xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml", "xl/styles.xml", "xl/theme/theme1.xml", "xl/sharedStrings.xml",
            ])
        #expect(reader.zip.entries.allSatisfy { $0.method == 8 && $0.flags == 0 })
        #expect(reader.zip.entries.allSatisfy { $0.size == $0.contents.count && $0.compressedSize > 0 })
    }

    @Test func everyPartIsWellFormedAndDeclared() throws {
        let reader = try PackageReader(try SampleWorkbook.make().xlsx())
        for entry in reader.zip.entries {
            let root = try XMLDocument.parse(entry.contents)
            #expect(!root.name.isEmpty)
            #expect(entry.contents.starts(with: Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>".utf8)))
        }
        let types = try reader.part("[Content_Types].xml")
        let overrides = Set(types.children(named: "Override").compactMap { $0.attributes["PartName"] })
        let parts = Set(reader.zip.entries.map { "/" + $0.name }.filter { !$0.hasSuffix(".rels") && $0 != "/[Content_Types].xml" })
        #expect(overrides == parts)
        #expect(types.children(named: "Default").compactMap { $0.attributes["Extension"] } == ["rels", "xml"])
    }

    @Test func everyInternalRelationshipPointsToAPart() throws {
        let reader = try PackageReader(try SampleWorkbook.make().xlsx())
        let names = Set(reader.zip.entries.map(\.name))
        for entry in reader.zip.entries where entry.name.hasSuffix(".rels") {
            // `xl/_rels/workbook.xml.rels` describes `xl/workbook.xml`: targets are relative to `xl/`.
            let folder = entry.name.firstRange(of: "_rels/").map { String(entry.name[..<$0.lowerBound]) } ?? ""
            for relationship in try XMLDocument.parse(entry.contents).children(named: "Relationship")
            where relationship.attributes["TargetMode"] == nil {
                let target = try #require(relationship.attributes["Target"])
                #expect(names.contains(entry.name == "_rels/.rels" ? target : folder + target), "\(entry.name) → \(target)")
            }
        }
        let sheets = try reader.part("xl/workbook.xml").child("sheets")?.children.compactMap { $0.attributes["id"] } ?? []
        let relationships = try reader.part("xl/_rels/workbook.xml.rels").children.compactMap { $0.attributes["Id"] }
        #expect(Set(sheets).isSubset(of: Set(relationships)))
    }

    @Test func aLargePartCompresses() throws {
        let rows = (0..<20_000).map { [Cell.text("row \($0 % 100)"), .integer($0)] }
        let bytes = try Workbook(sheets: [try Sheet(name: "Big", rows: rows)], properties: .sample).xlsx()
        let reader = try PackageReader(bytes)
        let sheet = try #require(reader.zip.entries.first { $0.name == "xl/worksheets/sheet1.xml" })
        #expect(sheet.size > 500_000)
        #expect(sheet.compressedSize * 5 < sheet.size)
        #expect(try reader.cell("B20000")?.child("v")?.text == "19999")
    }
}
