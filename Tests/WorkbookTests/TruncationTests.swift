import Testing
import Workbook

/// Text past Excel's 32,767 characters is cut on a character boundary, and every cut is reported.
@Suite struct TruncationTests {
    private func written(_ rows: [[Cell]]) throws -> (workbook: Workbook, written: WrittenWorkbook, reader: PackageReader) {
        let workbook = Workbook(sheets: [try Sheet(name: "Long", rows: rows)], properties: .sample)
        let written = try workbook.write()
        return (workbook, written, try PackageReader(written.bytes))
    }

    @Test func longTextIsCutAndReported() throws {
        let (workbook, written, reader) = try written([[.text("short"), .text(String(repeating: "x", count: 40_000))]])
        let expected = [Truncation(sheet: "Long", cell: try CellReference("B1"), originalLength: 40_000)]
        #expect(workbook.truncations == expected)
        #expect(written.truncations == expected)
        #expect(try reader.string("B1") == String(repeating: "x", count: 32_767))
    }

    @Test func textAtTheLimitIsWhole() throws {
        let text = String(repeating: "가", count: 32_767)
        let (workbook, written, reader) = try written([[.text(text)]])
        #expect(workbook.truncations.isEmpty)
        #expect(written.truncations.isEmpty)
        #expect(try reader.string("A1") == text)
    }

    @Test func theLimitCountsUTF16AndNeverSplitsACharacter() throws {
        let base = String(repeating: "a", count: 32_766)
        let (_, written, reader) = try written([
            [.text(base + "👍")],  // 32,768 code units: the emoji's two do not fit
            [.text(base + "e\u{301}")],  // e and its accent are one character
            [.text(base + "👩‍💻")],  // five code units, one character
            [.text(String(repeating: "🚀", count: 20_000))],
        ])
        #expect(try reader.string("A1") == base)
        #expect(try reader.string("A2") == base)
        #expect(try reader.string("A3") == base)
        #expect(try reader.string("A4") == String(repeating: "🚀", count: 16_383))
        #expect(written.truncations.map(\.originalLength) == [32_768, 32_768, 32_771, 40_000])
        #expect(written.truncations.map(\.cell.a1) == ["A1", "A2", "A3", "A4"])
    }

    @Test func aFormulasCachedTextIsCutToo() throws {
        let formula = try Formula("=REPT(\"x\",40000)", cachedValue: .text(String(repeating: "x", count: 40_000)))
        let (workbook, written, reader) = try written([[.formula(formula)]])
        #expect(workbook.truncations == written.truncations)
        #expect(written.truncations.map(\.originalLength) == [40_000])
        #expect(try reader.cell("A1")?.child("v")?.text.utf16.count == 32_767)
    }

    @Test func csvKeepsTheWholeText() throws {
        let text = String(repeating: "x", count: 40_000)
        let csv = try Sheet(name: "Long", rows: [[.text(text)]]).csv()
        #expect(csv.count == 3 + 40_000 + 2)
    }
}
