import Workbook

/// A workbook shaped like the inventory's (SPEC §13.1) that uses every feature of the writer: a summary
/// with an exchange-rate cell and formulas on it, cost bands, links to and from every sheet, frozen
/// headers, autofilters, merges, widths and heights, every value type, hostile text and a 40,000-character
/// cell. `Fixtures/sample-workbook.json` describes what real readers must find in it.
enum SampleWorkbook {
    static let headerStyle = CellStyle(
        bold: true, fontColour: .white, fillColour: colour("1E4E79"), horizontalAlignment: .center, thinBorder: true)
    static let linkStyle = CellStyle(underline: true, fontColour: colour("0563C1"))
    static let money = CellStyle(numberFormat: .thousandsTwoDecimals)
    static let won = CellStyle(numberFormat: format("\"₩\"#,##0"))

    /// The 40,000 characters of S3!B4: 20,000 Hangul syllables, then 20,000 `a`.
    static let longText = String(repeating: "가", count: 20_000) + String(repeating: "a", count: 20_000)

    /// The texts of EC2!B4...B12, as given; `Fixtures/sample-workbook.json` has them as read back.
    static let hostileTexts = [
        "<script>alert('x')</script>",
        "]]> & \"quoted\" 'apostrophe' <![CDATA[",
        "=1+2",
        "-2 degrees",
        "@SUM(A1:A2)",
        "웹 서버 🚀 운영팀 👩‍💻",
        "tab\there, bell\u{7}, nul\u{0}, escape\u{1B}: gone",
        "_x0041_ stays literal",
        "  padded both ends  ",
    ]

    static func make() throws -> Workbook {
        Workbook(
            sheets: [try summary(), try ec2(), try s3(), try lambda(), try coverage()],
            properties: DocumentProperties(
                title: "AWS inventory 2024-05 (prod)", creator: "opsdaily",
                created: try CivilDateTime(year: 2024, month: 6, day: 1, hour: 9, minute: 0, second: 0)))
    }

    private static func summary() throws -> Sheet {
        let rate = CellStyle(bold: true, numberFormat: .thousandsTwoDecimals)
        func kind(_ category: String, _ kind: String, count: Int, cost: String, costKRW: String, change: String, row: Int) throws -> [Cell]
        {
            let band = costBand(cost)
            return [
                .text(category), .text(kind, style: linkStyle), .integer(count),
                .decimal(try DecimalNumber(cost), style: CellStyle(fillColour: band, numberFormat: .thousandsTwoDecimals)),
                .formula(try Formula("=D\(row)*$B$2", cachedValue: .number(try DecimalNumber(costKRW))), style: won),
                .text(change),
            ]
        }
        let total = CellStyle(bold: true, numberFormat: .thousandsTwoDecimals, thinBorder: true)
        return try Sheet(
            name: "Summary",
            rows: [
                [.text("AWS inventory 2024-05 (prod)", style: CellStyle(bold: true, fontColour: .white, fillColour: colour("1E4E79")))]
                    + Array(repeating: Cell(style: CellStyle(fillColour: colour("1E4E79"))), count: 5),
                [.text("Exchange rate KRW per USD"), .decimal(try DecimalNumber("1385.20"), style: rate)],
                ["Category", "Kind", "Count", "Cost USD", "Cost KRW", "Change"].map { .text($0, style: headerStyle) },
                try kind("Compute", "EC2", count: 3, cost: "1234.56", costKRW: "1710112.512", change: "+12.5%", row: 4),
                try kind("Storage", "S3", count: 2, cost: "98.76", costKRW: "136802.352", change: "-3.1%", row: 5),
                try kind("Compute", "Lambda's functions", count: 1, cost: "512.5", costKRW: "709915", change: "0%", row: 6),
                [
                    .text("Total", style: total), .empty,
                    .formula(try Formula("=SUM(C4:C6)", cachedValue: .number(DecimalNumber(6))), style: total),
                    .formula(try Formula("=SUM(D4:D6)", cachedValue: .number(try DecimalNumber("1845.82"))), style: total),
                    .formula(try Formula("=D7*$B$2", cachedValue: .number(try DecimalNumber("2556829.864"))), style: won),
                    .formula(try Formula("=IF(D7>1000,\"over budget\",\"ok\")", cachedValue: .text("over budget"))),
                ],
            ],
            columnWidths: [1: 18, 2: 24, 3: 10, 4: 14, 5: 16, 6: 14],
            rowHeights: [1: 28],
            frozenPane: try FrozenPane(rows: 3),
            autoFilter: try CellRange("A3:F6"),
            mergedRanges: [try CellRange("A1:F1")],
            hyperlinks: [
                Hyperlink(cell: try CellReference("B4"), target: .cell(sheet: "EC2", try CellReference("A1"))),
                Hyperlink(cell: try CellReference("B5"), target: .cell(sheet: "S3", try CellReference("A1"))),
                Hyperlink(
                    cell: try CellReference("B6"), target: .cell(sheet: "Lambda's functions", try CellReference("A1")), tooltip: "Lambda"),
            ])
    }

    private static func ec2() throws -> Sheet {
        let launched = try CivilDateTime(epochSeconds: 1_714_555_800)  // 2024-05-01 09:30:00 UTC
        let wrapped = CellStyle(verticalAlignment: .top, wrapText: true)
        var rows: [[Cell]] = [
            backLink(),
            [.text("EC2 instances (\(hostileTexts.count))", style: CellStyle(bold: true))],
            ["Instance", "Name", "State", "Launched", "vCPU", "Hourly USD", "Public", "Console"].map { .text($0, style: headerStyle) },
        ]
        for (index, name) in hostileTexts.enumerated() {
            rows.append([
                .text("i-0abc\(index)def"), .text(name, style: wrapped), .text(index.isMultiple(of: 2) ? "running" : "stopped"),
                .dateTime(launched), .integer(index + 1), .decimal(try DecimalNumber("0.0\(index + 1)"), style: money),
                .boolean(index.isMultiple(of: 3)), .text("open", style: linkStyle),
            ])
        }
        let console = "https://ap-northeast-2.console.aws.amazon.com/ec2/home?region=ap-northeast-2#InstanceDetails:instanceId="
        return try Sheet(
            name: "EC2", rows: rows, columnWidths: [1: 20, 2: 40, 4: 18, 8: 10], frozenPane: try FrozenPane(rows: 3, columns: 1),
            autoFilter: try CellRange("A3:H12"),
            hyperlinks: [backLinkHyperlink()]
                + [
                    Hyperlink(cell: try CellReference("H4"), target: .url(console + "i-0abc0def"), tooltip: "EC2 console"),
                    Hyperlink(cell: try CellReference("H5"), target: .url("https://example.com/운영 팀?q=a b&x=\"1\"")),
                ])
    }

    private static func s3() throws -> Sheet {
        try Sheet(
            name: "S3",
            rows: [
                backLink(), [.text("S3 buckets (2)", style: CellStyle(bold: true))],
                ["Bucket", "Policy", "Objects", "Size GB", "Created"].map { .text($0, style: headerStyle) },
                [
                    .text("logs-prod"), .text(longText), .integer(1_234_567), .decimal(try DecimalNumber("1.5E-7")),
                    .dateTime(try CivilDateTime(year: 1900, month: 3, day: 1), style: CellStyle(numberFormat: .date)),
                ],
                [
                    .text("static-assets"), .text("{}"), .integer(-42), .decimal(try DecimalNumber("-0.000001")),
                    .dateTime(
                        try CivilDateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59),
                        style: CellStyle(numberFormat: .dateTimeSeconds)),
                ],
            ],
            columnWidths: [1: 20, 2: 60], frozenPane: try FrozenPane(rows: 3), autoFilter: try CellRange("A3:E5"),
            hyperlinks: [backLinkHyperlink()])
    }

    private static func lambda() throws -> Sheet {
        try Sheet(
            name: "Lambda's functions",
            rows: [
                backLink(), [.text("Lambda functions (1)", style: CellStyle(bold: true))],
                ["Function", "Runtime", "Memory MB"].map { .text($0, style: headerStyle) },
                [.text("collection"), .text("provided.al2023"), .integer(128)],
            ],
            rowHeights: [10: 30], frozenPane: try FrozenPane(rows: 3), autoFilter: try CellRange("A3:C4"),
            hyperlinks: [backLinkHyperlink()])
    }

    private static func coverage() throws -> Sheet {
        try Sheet(
            name: "Coverage",
            rows: [
                ["Account", "Region", "Kind", "Result"].map { .text($0, style: headerStyle) },
                [.text("123456789012"), .text("ap-northeast-2"), .text("EC2"), .text("ok 9")],
                [.text("123456789012"), .text("ap-northeast-2"), .text("Shield"), .text("denied")],
                [.text("123456789012"), .text("us-east-1"), .text("EKS"), .text("error ThrottlingException")],
                [
                    .text("Note", style: CellStyle(bold: true)),
                    .text("S3!B4 was cut to 32,767 characters", style: CellStyle(horizontalAlignment: .left, wrapText: true)),
                ],
            ],
            frozenPane: try FrozenPane(rows: 1), mergedRanges: [try CellRange("B5:D5")])
    }

    private static func backLink() -> [Cell] {
        [.text("← Summary", style: linkStyle)]
    }

    private static func backLinkHyperlink() -> Hyperlink {
        Hyperlink(cell: CellReference.firstCell, target: .cell(sheet: "Summary", CellReference.firstCell))
    }

    /// Red from 1,000 USD, yellow from 100, green below.
    private static func costBand(_ cost: String) -> Colour {
        let dollars = Int(cost.prefix { $0 != "." }) ?? 0
        return dollars >= 1000 ? colour("FFC7CE") : dollars >= 100 ? colour("FFEB9C") : colour("C6EFCE")
    }

    private static func colour(_ hex: String) -> Colour {
        // The sample's colours are constants: a bad one is a bug in this file.
        try! Colour(hex: hex)
    }

    private static func format(_ code: String) -> NumberFormat {
        try! NumberFormat(code)
    }
}

extension CellReference {
    static let firstCell = try! CellReference(row: 1, column: 1)
}
