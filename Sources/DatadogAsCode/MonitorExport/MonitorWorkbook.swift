import CivilTime
import Workbook

/// The export as the 2023 workbook (sheet "Datadog Alert"): the title in A1, the header on row 2 in bold white
/// on #1E4E79, frozen below it, a filter over the table, 2023's column widths, long text wrapped; and the same
/// table as CSV (header and rows, no title: a CSV is read by programs).
public enum MonitorWorkbook {
    static let sheetName = "Datadog Alert"
    static let header = ["No.", "Id", "Team", "Name", "Priority", "Created", "Modified", "Creator", "Query", "Options", "Tags", "Type", "Message"]
    /// 2023's widths (Name 72, Query 82, Message 102) and enough for the rest.
    static let widths: [Double] = [6, 12, 18, 72, 9, 17, 17, 36, 82, 50, 36, 16, 102]

    static let headerStyle = CellStyle(
        bold: true, fontColour: .white, fillColour: Colour(red: 0x1E, green: 0x4E, blue: 0x79), verticalAlignment: .center, thinBorder: true)
    static let titleStyle = CellStyle(bold: true)
    static let plain = CellStyle(verticalAlignment: .top)
    static let wrapped = CellStyle(verticalAlignment: .top, wrapText: true)
    static let time = CellStyle(verticalAlignment: .top, numberFormat: try? NumberFormat("yyyy/mm/dd hh:mm"))

    public static func write(_ export: MonitorExport) throws -> WrittenWorkbook {
        try workbook(export).write()
    }

    public static func csv(_ export: MonitorExport) throws -> [UInt8] {
        try Sheet(name: sheetName, rows: [header.map { Cell.text($0) }] + export.rows.map { cells($0, zone: export.zone) }).csv()
    }

    public static func workbook(_ export: MonitorExport) throws -> Workbook {
        let title: [Cell] = [
            .text(export.title, style: titleStyle), .empty, .empty, .empty, .empty, .text("Times in \(export.zone.identifier)", style: titleStyle),
        ]
        let rows = [title, header.map { .text($0, style: headerStyle) }] + export.rows.map { cells($0, zone: export.zone) }
        let lastRow = max(2, rows.count)
        let sheet = try Sheet(
            name: sheetName, rows: rows, columnWidths: Dictionary(uniqueKeysWithValues: widths.enumerated().map { ($0 + 1, $1) }),
            frozenPane: try FrozenPane(rows: 2),
            autoFilter: CellRange(try CellReference(row: 2, column: 1), try CellReference(row: lastRow, column: header.count)))
        let generated = try CivilDateTime(epochSeconds: export.generated.epochSeconds)
        return Workbook(sheets: [sheet], properties: DocumentProperties(title: export.title, creator: "opsdaily monitors export", created: generated))
    }

    static func cells(_ row: MonitorExport.Row, zone: ZoneRules) -> [Cell] {
        [
            .integer(row.number, style: plain), .integer(Int(row.id), style: plain), text(row.team ?? "", plain), text(row.name, wrapped),
            text(row.priorityText, plain), localTime(row.created, zone: zone), localTime(row.modified, zone: zone),
            text(row.creatorText, wrapped), text(row.query, wrapped), text(row.optionsText, wrapped), text(row.tags.joined(separator: "\n"), wrapped),
            text(row.type, plain), text(row.message, wrapped),
        ]
    }

    /// Nothing is an empty cell, not an empty string: a filter's "(Blanks)" finds the monitors without a team.
    static func text(_ value: String, _ style: CellStyle) -> Cell {
        value.isEmpty ? Cell(style: style) : .text(value, style: style)
    }

    static func localTime(_ instant: Instant?, zone: ZoneRules) -> Cell {
        guard let instant, let local = try? CivilDateTime(epochSeconds: zone.localDateTime(at: instant).localSecondsSinceEpoch) else {
            return Cell(style: plain)
        }
        return .dateTime(local, style: time)
    }
}
