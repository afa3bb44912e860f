import Testing
import Workbook

/// RFC 4180 with a byte order mark, and text that could run as a formula defused.
@Suite struct CSVTests {
    private func csv(_ rows: [[Cell]]) throws -> String {
        let bytes = try Sheet(name: "CSV", rows: rows).csv()
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        return String(decoding: bytes.dropFirst(3), as: UTF8.self)
    }

    @Test func recordsEndInCRLFAndArePaddedToTheWidestRow() throws {
        #expect(try csv([[.text("a"), .text("b"), .text("c")], [.text("d")], []]) == "a,b,c\r\nd,,\r\n,,\r\n")
        #expect(try Sheet(name: "Empty").csv() == [0xEF, 0xBB, 0xBF])
    }

    @Test func fieldsWithCommasQuotesOrLineBreaksAreQuoted() throws {
        let fields = ["plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "crlf\r\nhere", "", " spaced "]
        #expect(
            try csv([fields.map { .text($0) }])
                == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\"crlf\r\nhere\",, spaced \r\n")
    }

    @Test func textThatCouldRunAsAFormulaGetsAnApostrophe() throws {
        let fields = ["=1+2", "+1", "-1", "@SUM(A1)", "\tindented", "\rreturn", "=HYPERLINK(\"http://x\",\"a,b\")", "a=b", "'quoted"]
        #expect(
            try csv([fields.map { .text($0) }])
                == "'=1+2,'+1,'-1,'@SUM(A1),'\tindented,\"'\rreturn\",\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\",a=b,'quoted\r\n")
    }

    @Test func numbersStayNumbers() throws {
        let row: [Cell] = [
            .integer(-5), .decimal(try DecimalNumber("-12.50")), .decimal(try DecimalNumber("1.5E-7")), .boolean(true), .boolean(false),
            .dateTime(try CivilDateTime(epochSeconds: 1_714_555_800)),
        ]
        #expect(try csv([row]) == "-5,-12.50,1.5E-7,TRUE,FALSE,2024-05-01 09:30:00\r\n")
    }

    @Test func formulasAsTheirCachedValueOrDefusedText() throws {
        let row: [Cell] = [
            .formula(try Formula("=D4*$B$2", cachedValue: .number(try DecimalNumber("-1710112.512")))),
            .formula(try Formula("=IF(A1,\"a\",\"b\")", cachedValue: .text("=not a formula"))),
            .formula(try Formula("=A1>0", cachedValue: .boolean(true))),
            .formula(try Formula("=SUM(A1:A2)")),
        ]
        #expect(try csv([row]) == "-1710112.512,'=not a formula,TRUE,'=SUM(A1:A2)\r\n")
    }

    @Test func koreanAndEmojiAreUTF8() throws {
        let bytes = try Sheet(name: "CSV", rows: [[.text("운영팀"), .text("🚀")]]).csv()
        #expect(bytes == [0xEF, 0xBB, 0xBF] + Array("운영팀,🚀\r\n".utf8))
    }
}
