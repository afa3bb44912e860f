import CivilTime
import DatadogAsCode
import Foundation
import OpsCore
import Testing
import Workbook

/// The 2023 rows from monitors as Datadog answers them, hostile ones included (a 2 KB SQL title, names that
/// look like HTML or formulas, tags that only look like a team).
@Suite struct MonitorExportTests {
    let monitors: [Monitor]
    let seoul = ZoneRules.builtIn("Asia/Seoul")!
    let generated = Instant(epochSeconds: 1_767_225_600)

    init() throws {
        monitors = try JSONDecoder().decode([Monitor].self, from: Data(try Fixtures.bytes("monitors.json")))
    }

    func export(_ filter: MonitorFilter = MonitorFilter()) -> MonitorExport {
        MonitorExport(monitors: monitors, filter: filter, generated: generated, zone: seoul)
    }

    @Test func oneRowPerMonitorInIdOrder() {
        let rows = export().rows
        #expect(rows.map(\.id) == [100, 150, 200, 250, 300, 400])
        #expect(rows.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(rows[2].name.utf8.count == 2_048 && rows[2].name.hasPrefix("[P5][DB] Slow query"))
    }

    /// `team:` matched on the key exactly: `myteam:argos`, `teams:x`, a bare `team` and `TEAM:Other` are not teams.
    @Test func theTeamIsTheTeamTagsValue() {
        #expect(export().rows.map(\.team) == ["payments", nil, "argos", "argos", "argos", "payments"])
        #expect(export().teams == [
            MonitorExport.TeamCount(team: "argos", monitors: 3), MonitorExport.TeamCount(team: "payments", monitors: 2),
            MonitorExport.TeamCount(team: nil, monitors: 1),
        ])
        #expect(export().title == #"Datadog Alert List(Total[6], "argos":[3], "payments":[2], "-":[1])"#)
    }

    @Test func columnsAreWrittenAs2023WroteThem() throws {
        let row = try #require(export().rows.first { $0.id == 300 })
        #expect(row.priorityText == "P2")
        #expect(export().rows.first { $0.id == 100 }?.priorityText == "")
        #expect(row.creatorText == "name: Terraform\nhandle: terraform@ops.example\nemail: terraform@ops.example\nid: 2417393")
        #expect(export().rows.first { $0.id == 100 }?.creatorText == "handle: ui@example.com\nemail: ui@example.com\nid: 7")
        #expect(row.optionsText.hasPrefix("{\n  \"include_tags\": true,\n  \"new_group_delay\": 60,"))
        #expect(row.optionsText.contains("\"thresholds\": {\n    \"critical\": 90\n  }"))
        #expect(export().rows.first { $0.id == 100 }?.optionsText.contains("\"critical\": 5.5") == true)
        #expect(row.created == (try Instant(iso8601: "2025-03-01T00:00:00.123Z")))
        #expect(export().rows.first { $0.id == 200 }?.created == Instant(epochSeconds: 1_735_689_600))
    }

    @Test(arguments: [
        (MonitorFilter(tags: ["team:argos"]), [200, 250, 300]),
        (MonitorFilter(tags: ["TEAM:ARGOS", "monitor:SYSTEM-CPU-01"]), [300]),
        (MonitorFilter(priorities: [1]), [250, 400]),
        (MonitorFilter(tags: ["team:payments"], priorities: [1, 2]), [400]),
        (MonitorFilter(tags: ["team"]), [150]),
        (MonitorFilter(tags: ["team:arg"]), []),
    ])
    func filtersKeepMonitorsWithEveryTagAndAnyPriority(filter: MonitorFilter, ids: [Int64]) {
        #expect(export(filter).rows.map(\.id) == ids)
    }

    @Test func theWorkbookHasThe2023Look() throws {
        let book = try MonitorWorkbook.workbook(export())
        let sheet = try #require(book.sheets.first)
        #expect(sheet.name == "Datadog Alert")
        #expect(sheet.rows.count == 8)
        #expect(sheet.rows[0][0].value == .text(#"Datadog Alert List(Total[6], "argos":[3], "payments":[2], "-":[1])"#))
        #expect(sheet.rows[1].map(\.value) == [
            "No.", "Id", "Team", "Name", "Priority", "Created", "Modified", "Creator", "Query", "Options", "Tags", "Type", "Message",
        ].map(CellValue.text))
        let header = sheet.rows[1][0].style
        #expect(header.bold && header.fontColour == .white && header.fillColour == Colour(red: 0x1E, green: 0x4E, blue: 0x79))
        #expect(sheet.frozenPane == (try FrozenPane(rows: 2)))
        #expect(sheet.autoFilter?.a1 == "A2:M8")
        #expect(sheet.columnWidths[4] == 72 && sheet.columnWidths[9] == 82 && sheet.columnWidths[13] == 102)
        for column in [3, 7, 8, 9, 10, 12] { #expect(sheet.rows[6][column].style.wrapText, "column \(column + 1)") }
        // Times in the zone asked for: 2025-03-01 00:00 UTC is 09:00 in Seoul.
        #expect(sheet.rows[6][5].value == .dateTime(try CivilDateTime(year: 2025, month: 3, day: 1, hour: 9)))
        #expect(sheet.rows[6][10].value == .text("team:argos\nmonitor:SYSTEM-CPU-01\nservice:ec2"))
        #expect(try !MonitorWorkbook.write(export()).bytes.isEmpty)
    }

    /// Names that a spreadsheet would run stay text: quoted in the CSV, and always text cells in the workbook.
    @Test func formulaLookingNamesAreNeverFormulas() throws {
        let csv = String(decoding: try MonitorWorkbook.csv(export()), as: UTF8.self)
        #expect(csv.hasPrefix("\u{FEFF}No.,Id,Team,Name,"))
        #expect(csv.contains(#"100,payments,"'=HYPERLINK(""http://evil.example"",""click"")""#))
        #expect(csv.contains("6,400,payments,'-cmd|' /C calc'!A0,P1,"))
        #expect(csv.contains(",'+1 pay\r\n"))
        #expect(csv.contains("<b>CPU</b> & \"\"quotes\"\""))
        #expect(!csv.contains("Datadog Alert List"), "the CSV is the table alone")
        let row = try #require(try MonitorWorkbook.workbook(export()).sheets[0].rows.first { $0[1].value == .integer(100) })
        #expect(row[3].value == .text(#"=HYPERLINK("http://evil.example","click")"#))
    }

    @Test func aMessageLongerThanACellIsCutAndSaid() throws {
        var long = monitors[0]
        long.message = String(repeating: "SELECT 1; ", count: 4_000)
        let written = try MonitorWorkbook.write(MonitorExport(monitors: [long], generated: generated, zone: seoul))
        #expect(written.truncations.map(\.cell.a1) == ["M3"])
        #expect(written.truncations.first?.originalLength == 40_000)
    }

    @Test func theJSONHasEveryRowWithItsValues() throws {
        let document = try JSONTree(parsing: MonitorExportJSON.encode(export()))
        #expect(document["total"] == .integer("6"))
        #expect(document["teams"]?.arrayValue?.last == .object([JSONMember("monitors", .integer("1")), JSONMember("team", .null)]))
        let rows = try #require(document["monitors"]?.arrayValue)
        #expect(rows.count == 6)
        #expect(rows[0]["priority"] == .null && rows[0]["team"] == .string("payments"))
        #expect(rows[4]["created"] == .string("2025-03-01T00:00:00Z"))
        #expect(rows[4]["options"]?["thresholds"]?["critical"] == .integer("90"))
        #expect(rows[4]["tags"]?.arrayValue?.count == 3)
        #expect(document["generated"] == .string("2026-01-01T00:00:00Z"))
    }
}
