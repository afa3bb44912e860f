import CivilTime
import Workbook

/// The run as the workbook an MSP hands its customer (SPEC §13.1): a summary (category, kind linked to its
/// sheet, count, cost coloured by band, the converted cost as formulas on one rate cell, totals), the cost
/// rows in full, one sheet per kind and the Coverage sheet. Pure: the report in, the sheets out.
public enum InventoryWorkbook {
    static let summarySheet = "Summary"
    static let costSheet = "Cost"
    static let coverageSheet = "Coverage"

    static let headerStyle = CellStyle(bold: true, fontColour: .white, fillColour: Colour(red: 0x1E, green: 0x4E, blue: 0x79), thinBorder: true)
    static let titleStyle = CellStyle(bold: true)
    static let linkStyle = CellStyle(underline: true, fontColour: Colour(red: 0x05, green: 0x63, blue: 0xC1))
    static let moneyFormat = NumberFormat.thousandsTwoDecimals
    static let money = CellStyle(numberFormat: moneyFormat)
    static let count = CellStyle(numberFormat: .thousands)
    static let totalStyle = CellStyle(bold: true, numberFormat: moneyFormat, thinBorder: true)

    public static func xlsx(_ report: InventoryReport) throws -> [UInt8] {
        try workbook(report).xlsx()
    }

    /// `<sheet>.csv` for every sheet, UTF-8 with a byte order mark, formulas as their values.
    public static func csvFiles(_ report: InventoryReport) throws -> [(name: String, bytes: [UInt8])] {
        try workbook(report).sheets.map { ("\($0.name).csv", $0.csv()) }
    }

    public static func workbook(_ report: InventoryReport) throws -> Workbook {
        let generated = try CivilDateTime(epochSeconds: report.generated.epochSeconds)
        var sheets = [try summary(report), try costRows(report)]
        sheets += try report.kinds.map { try kindSheet($0, report: report) }
        sheets.append(try coverage(report))
        var book = Workbook(
            sheets: sheets,
            properties: DocumentProperties(title: "AWS inventory \(report.label) \(report.month)", creator: "opsdaily inventory", created: generated))
        // A value longer than a cell holds is cut by the writer; say so on the summary, where it is read.
        let cuts = book.truncations
        if !cuts.isEmpty {
            var rows = book.sheets[0].rows
            rows.append([])
            rows.append([.text("Cut to fit a cell (32,767 characters):", style: titleStyle)])
            for cut in cuts { rows.append([.text("\(cut.sheet)!\(cut.cell.a1) had \(cut.originalLength) characters")]) }
            book.sheets[0].rows = rows
        }
        return book
    }

    // MARK: Summary

    static func summary(_ report: InventoryReport) throws -> Sheet {
        let month = report.month
        let table = report.cost?.combined
        let rate = report.exchangeRate
        var rows: [[Cell]] = []
        var links: [Hyperlink] = []
        var title: [Cell] = [.text("AWS inventory \(report.label) · \(month)", style: titleStyle)]
        if let rate {
            title += [.empty, .empty, .empty, .text("USD → \(rate.currency)", style: titleStyle), .decimal(try DecimalNumber(rate.rate.exactDescription))]
        }
        rows.append(title)
        var header = ["Category", "Kind", "Count", "Cost USD \(month)", "Cost USD \(month.previous)", "Change"]
        if let rate { header.append("Cost \(rate.currency) \(month)") }
        rows.append(header.map { .text($0, style: headerStyle) })
        let rateCell = "$F$1"

        func costCells(_ amount: Money, previous: Money, row: Int, band: CostBand) throws -> [Cell] {
            var cells: [Cell] = [
                .decimal(try DecimalNumber(amount.description), style: bandStyle(band, format: moneyFormat)),
                .decimal(try DecimalNumber(previous.description), style: money),
                .formula(try Formula("D\(row)-E\(row)", cachedValue: .number(try DecimalNumber((amount - previous).description))), style: money),
            ]
            if let rate {
                cells.append(.formula(
                    try Formula("D\(row)*\(rateCell)", cachedValue: .number(try DecimalNumber(InventoryHTML.convert(amount, rate)))),
                    style: CellStyle(numberFormat: .thousands)))
            }
            return cells
        }

        let firstDataRow = rows.count + 1
        for kind in report.kinds {
            let row = rows.count + 1
            // A kind whose services cost nothing shows 0.00: blank would read as "not known".
            let cost = table.flatMap { table in
                table.row(ofKind: kind.kind.id) ?? (kind.kind.costServices.isEmpty ? nil : CostRow(
                    kind: .service(kindID: kind.kind.id), label: kind.kind.sheet, services: [], amount: .zero, previous: .zero, amortized: .zero,
                    netUnblended: .zero))
            }
            let band = cost.map { CostBand($0.amount) }
            let bandLook = band.map { bandStyle($0, format: nil) } ?? .plain
            var cells: [Cell] = [
                .text(kind.kind.category.rawValue, style: bandLook),
                .text(kind.kind.title, style: band == nil ? linkStyle : bandStyle(band!, format: nil, underline: true)),
                .integer(kind.rows.count, style: bandLook.with(format: .thousands)),
            ]
            if let cost {
                cells += try costCells(cost.amount, previous: cost.previous, row: row, band: CostBand(cost.amount))
            }
            rows.append(cells)
            links.append(Hyperlink(cell: try CellReference(row: row, column: 2), target: .cell(sheet: kind.kind.sheet, try CellReference("A1"))))
        }
        if let table {
            for costRow in table.rows {
                let category: String
                switch costRow.kind {
                case .service: continue
                case .other: category = "Other"
                case .adjustment: category = "Adjustments"
                }
                let row = rows.count + 1
                let band = CostBand(costRow.amount)
                rows.append([.text(category, style: bandStyle(band, format: nil)), .text(costRow.label, style: bandStyle(band, format: nil)), .empty]
                    + (try costCells(costRow.amount, previous: costRow.previous, row: row, band: band)))
            }
        }
        let lastDataRow = rows.count
        if let table {
            let row = rows.count + 1
            var total: [Cell] = [
                .text("Total\(table.estimated ? " (estimated)" : "")", style: totalStyle), .text("all rows above", style: totalStyle), .empty,
                .formula(try Formula("SUM(D\(firstDataRow):D\(lastDataRow))", cachedValue: .number(try DecimalNumber(table.total.description))), style: totalStyle),
                .formula(try Formula("SUM(E\(firstDataRow):E\(lastDataRow))", cachedValue: .number(try DecimalNumber(table.previousTotal.description))), style: totalStyle),
                .formula(try Formula("D\(row)-E\(row)", cachedValue: .number(try DecimalNumber((table.total - table.previousTotal).description))), style: totalStyle),
            ]
            if let rate {
                total.append(.formula(
                    try Formula("D\(row)*\(rateCell)", cachedValue: .number(try DecimalNumber(InventoryHTML.convert(table.total, rate)))),
                    style: CellStyle(bold: true, numberFormat: .thousands, thinBorder: true)))
            }
            rows.append(total)
            if table.estimated {
                rows.append([.text("Cost Explorer still estimates \(month): its figures change until the month closes.")])
            }
            if let cost = report.cost, report.hasSeveralAccounts {
                rows.append([])
                rows.append(["Account", "Profile", "Cost USD \(month)", "Cost USD \(month.previous)"].map { .text($0, style: headerStyle) })
                for (account, accountTable) in cost.perAccount {
                    let profile = report.accounts.first { $0.accountID == account }?.profile ?? ""
                    rows.append([
                        .text(account), .text(profile), .decimal(try DecimalNumber(accountTable.total.description), style: money),
                        .decimal(try DecimalNumber(accountTable.previousTotal.description), style: money),
                    ])
                }
            }
        }
        return try Sheet(
            name: summarySheet, rows: rows, columnWidths: [1: 16, 2: 44, 3: 10, 4: 18, 5: 18, 6: 14, 7: 18],
            frozenPane: try FrozenPane(rows: 2), autoFilter: CellRange(try CellReference(row: 2, column: 1), try CellReference(row: max(2, lastDataRow), column: header.count)),
            hyperlinks: links)
    }

    static func bandStyle(_ band: CostBand, format: NumberFormat?, underline: Bool = false) -> CellStyle {
        CellStyle(
            bold: band.bold, underline: underline, fontColour: try? Colour(hex: band.text), fillColour: try? Colour(hex: band.fill),
            numberFormat: format)
    }

    // MARK: Cost rows

    static func costRows(_ report: InventoryReport) throws -> Sheet {
        let month = report.month
        let header = ["Account", "Row", "Type", "Cost Explorer services", "Unblended \(month)", "Unblended \(month.previous)", "Change",
            "Amortized \(month)", "Net unblended \(month)"]
        var rows: [[Cell]] = [backLink + [.text("Cost by row, \(month) and \(month.previous)", style: titleStyle)]]
        rows.append(header.map { .text($0, style: headerStyle) })
        for (account, table) in report.cost?.perAccount ?? [] {
            for row in table.rows {
                let type: String
                switch row.kind {
                case .service: type = "service"
                case .other: type = "other"
                case .adjustment(let recordType): type = recordType
                }
                rows.append([
                    .text(account), .text(row.label), .text(type), .text(row.services.joined(separator: ", ")),
                    .decimal(try DecimalNumber(row.amount.description), style: money), .decimal(try DecimalNumber(row.previous.description), style: money),
                    .decimal(try DecimalNumber(row.change.description), style: money), .decimal(try DecimalNumber(row.amortized.description), style: money),
                    .decimal(try DecimalNumber(row.netUnblended.description), style: money),
                ])
            }
        }
        return try table(named: costSheet, rows: rows, columns: header.count, links: [try backHyperlink()])
    }

    // MARK: Kind sheets

    static func kindSheet(_ kind: InventoryCollector.KindRows, report: InventoryReport) throws -> Sheet {
        let header = report.header(of: kind.kind)
        var rows: [[Cell]] = [backLink + [.text("\(kind.kind.title) (\(kind.rows.count))", style: titleStyle)]]
        rows.append(header.map { .text($0, style: headerStyle) })
        for row in kind.rows {
            rows.append(try report.cells(of: row).map(cell))
        }
        return try table(named: kind.kind.sheet, rows: rows, columns: header.count, links: [try backHyperlink()])
    }

    static func cell(_ value: FieldValue) throws -> Cell {
        switch value {
        case .empty: return .empty
        case .text(let text): return .text(text)
        case .number(let text):
            if let integer = Int(text) { return .integer(integer, style: count) }
            return .decimal(try DecimalNumber(text))
        }
    }

    // MARK: Coverage

    static func coverage(_ report: InventoryReport) throws -> Sheet {
        let header = ["Account", "Profile", "Region", "Kind", "State", "Rows", "Calls", "Detail"]
        var rows: [[Cell]] = [backLink + [.text("Coverage (\(report.coverage.count) listings)", style: titleStyle)]]
        rows.append(header.map { .text($0, style: headerStyle) })
        for entry in report.coverage {
            let rowsListed: Int
            if case .ok(let count) = entry.state { rowsListed = count } else { rowsListed = 0 }
            let stateStyle = entry.state.name == "ok" ? CellStyle.plain : CellStyle(bold: true, fillColour: try Colour(hex: "FFF2CC"))
            rows.append([
                .text(entry.account), .text(entry.profile), .text(entry.region), .text(entry.kind), .text(entry.state.description, style: stateStyle),
                .integer(rowsListed), .integer(entry.calls), .text(entry.detail),
            ])
        }
        return try table(named: coverageSheet, rows: rows, columns: header.count, links: [try backHyperlink()])
    }

    // MARK: Shared layout

    static var backLink: [Cell] { [.text("← Summary", style: linkStyle)] }

    static func backHyperlink() throws -> Hyperlink {
        Hyperlink(cell: try CellReference("A1"), target: .cell(sheet: summarySheet, try CellReference("A1")), tooltip: "Back to the summary")
    }

    /// A titled table: row 1 the link and title, row 2 the header (frozen, filtered), widths from the content.
    static func table(named name: String, rows: [[Cell]], columns: Int, links: [Hyperlink]) throws -> Sheet {
        var widths: [Int: Double] = [:]
        for row in rows.dropFirst() {
            for (index, cell) in row.enumerated() {
                let length = Double(cell.value.displayLength)
                widths[index + 1] = min(60, max(widths[index + 1] ?? 8, length + 2))
            }
        }
        return try Sheet(
            name: name, rows: rows, columnWidths: widths, frozenPane: try FrozenPane(rows: 2),
            autoFilter: CellRange(try CellReference(row: 2, column: 1), try CellReference(row: max(2, rows.count), column: max(1, columns))),
            hyperlinks: links)
    }
}

extension CellStyle {
    func with(format: NumberFormat) -> CellStyle {
        var copy = self
        copy.numberFormat = format
        return copy
    }
}

extension CellValue {
    /// Characters a column needs to show the value; formulas and numbers by their text.
    var displayLength: Int {
        switch self {
        case .empty: return 0
        case .text(let text): return text.count
        case .integer(let value): return String(value).count + value.magnitude.description.count / 3
        case .decimal(let value): return value.text.count + 2
        case .boolean: return 5
        case .dateTime: return 19
        case .formula: return 12
        }
    }
}
