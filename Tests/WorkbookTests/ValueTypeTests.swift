import Testing

@testable import Workbook

@Suite struct ValueTypeTests {
    @Test(arguments: ["0", "-0.00", "1234.56", "1.5E-7", "1e10", "-12.50", "0001.5", "123456789012345678901234567890", "0.5E308"])
    func decimalsKeepTheirText(_ text: String) throws {
        #expect(try DecimalNumber(text).text == text)
    }

    @Test func decimalsDropALeadingPlus() throws {
        #expect(try DecimalNumber("+5").text == "5")
        #expect(DecimalNumber(-42).text == "-42")
    }

    @Test(arguments: [
        "", "-", "+", "1.", ".5", "1,234.56", "1.2.3", "NaN", "INF", "1e", "1e+", "0x10", " 1", "1 ", "1e99999", "1E309",
        String(repeating: "9", count: 309), "١٢",
    ])
    func notDecimals(_ text: String) {
        #expect(throws: WorkbookError.invalidDecimal(text)) { try DecimalNumber(text) }
    }

    @Test func dateTimesFromUnixTime() throws {
        #expect(try CivilDateTime(epochSeconds: 0).description == "1970-01-01 00:00:00")
        #expect(try CivilDateTime(epochSeconds: 1_714_555_800).description == "2024-05-01 09:30:00")
        #expect(try CivilDateTime(epochSeconds: -1).description == "1969-12-31 23:59:59")
        #expect(try CivilDateTime(epochSeconds: 951_782_400).description == "2000-02-29 00:00:00")
        #expect(try CivilDateTime(epochSeconds: -2_203_891_200).description == "1900-03-01 00:00:00")
        #expect(try CivilDateTime(epochSeconds: 253_402_300_799).description == "9999-12-31 23:59:59")
        #expect(throws: WorkbookError.invalidDateTime("epoch -2203891201")) { try CivilDateTime(epochSeconds: -2_203_891_201) }
        #expect(throws: WorkbookError.invalidDateTime("epoch 253402300800")) { try CivilDateTime(epochSeconds: 253_402_300_800) }
    }

    @Test func civilDateTimesAreChecked() throws {
        #expect(try CivilDateTime(year: 2024, month: 2, day: 29).description == "2024-02-29 00:00:00")
        let invalid: [(Int, Int, Int, Int, Int, Int)] = [
            (2023, 2, 29, 0, 0, 0), (2100, 2, 29, 0, 0, 0), (2024, 13, 1, 0, 0, 0), (2024, 4, 31, 0, 0, 0), (2024, 1, 1, 24, 0, 0),
            (2024, 1, 1, 0, 60, 0), (2024, 1, 1, 0, 0, 60), (1900, 2, 28, 0, 0, 0), (1899, 12, 31, 0, 0, 0), (10_000, 1, 1, 0, 0, 0),
        ]
        for (year, month, day, hour, minute, second) in invalid {
            #expect(throws: WorkbookError.self) {
                try CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            }
        }
    }

    @Test func excelSerialNumbers() throws {
        #expect(try CivilDateTime(year: 1900, month: 3, day: 1).excelSerial == "61")
        #expect(try CivilDateTime(year: 1970, month: 1, day: 1).excelSerial == "25569")
        #expect(try CivilDateTime(year: 2024, month: 5, day: 1, hour: 12).excelSerial == "45413.5")
        #expect(try CivilDateTime(year: 2024, month: 5, day: 1, hour: 9, minute: 30).excelSerial == "45413.3958333333")
        #expect(try CivilDateTime(year: 2024, month: 5, day: 1, second: 1).excelSerial == "45413.0000115741")
        #expect(try CivilDateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59).excelSerial == "2958465.9999884259")
    }

    @Test func everySecondOfADayReadsBackAsItself() throws {
        for second in 0..<86_400 {
            let serial = try CivilDateTime(year: 2024, month: 5, day: 1, hour: second / 3600, minute: second / 60 % 60, second: second % 60)
                .excelSerial
            let fraction = serial.split(separator: ".").dropFirst().first.map { Double("0." + $0)! } ?? 0
            #expect((fraction * 86_400).rounded() == Double(second))
        }
    }

    @Test func coloursAreSixHexDigits() throws {
        #expect(try Colour(hex: "1E4E79").rgb == 0x1E4E79)
        #expect(try Colour(hex: "#1e4e79").description == "1E4E79")
        #expect(try Colour(hex: "00000A").argb == "FF00000A")
        for bad in ["1E4E7", "1E4E79FF", "GGGGGG", "+1E4E7", "-1E4E7", " 1E4E7", ""] {
            #expect(throws: WorkbookError.invalidColour(bad)) { try Colour(hex: bad) }
        }
    }

    @Test func numberFormatsUseExcelsBuiltInIdsWhereTheyAreLocaleFree() throws {
        #expect(NumberFormat.thousands.builtInID == 3)
        #expect(NumberFormat.thousandsTwoDecimals.builtInID == 4)
        #expect(NumberFormat.percentTwoDecimals.builtInID == 10)
        #expect(NumberFormat.text.builtInID == 49)
        #expect(try NumberFormat("#,##0.00").builtInID == 4)
        #expect(NumberFormat.dateTime.builtInID == nil)
        #expect(try NumberFormat("\"₩\"#,##0").builtInID == nil)
        #expect(throws: WorkbookError.invalidNumberFormat("")) { try NumberFormat("") }
        let long = String(repeating: "0", count: 256)
        #expect(throws: WorkbookError.invalidNumberFormat(long)) { try NumberFormat(long) }
    }

    @Test func formulasDropTheirEqualsSign() throws {
        #expect(try Formula("=G1*D5").expression == "G1*D5")
        #expect(try Formula("SUM(A1:A3)").expression == "SUM(A1:A3)")
        #expect(throws: WorkbookError.invalidFormula("=")) { try Formula("=") }
        #expect(throws: WorkbookError.invalidFormula("")) { try Formula("") }
        let long = "=" + String(repeating: "1", count: 8_193)
        #expect(throws: WorkbookError.invalidFormula(long)) { try Formula(long) }
    }

    @Test func frozenPanes() throws {
        let pane = try FrozenPane(topLeftOfScrollingArea: try CellReference("B4"))
        #expect((pane.rows, pane.columns) == (3, 1))
        #expect(try FrozenPane(rows: 1).topLeftCell == CellReference("A2"))
        #expect(throws: WorkbookError.rowOutOfRange(-1)) { try FrozenPane(rows: -1) }
        #expect(throws: WorkbookError.rowOutOfRange(1_048_576)) { try FrozenPane(rows: 1_048_576) }
        #expect(throws: WorkbookError.columnOutOfRange(16_384)) { try FrozenPane(columns: 16_384) }
    }

    @Test func errorsDescribeThemselves() throws {
        #expect(
            WorkbookError.tooManyRows(sheet: "EC2", count: 1_048_577).description == "sheet \"EC2\" has 1048577 rows; Excel has 1048576")
        #expect(
            WorkbookError.invalidHyperlink(sheet: "EC2", cell: try CellReference("H4"), .unsupportedAddress("javascript:x")).description
                == "sheet \"EC2\" cell H4: \"javascript:x\" is not an https or http address")
        #expect(
            WorkbookError.invalidSheetName("a/b", .forbiddenCharacter("/")).description
                == "sheet name \"a/b\": contains /, which Excel does not allow")
    }
}
