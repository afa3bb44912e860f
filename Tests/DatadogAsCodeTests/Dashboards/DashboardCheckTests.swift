import DatadogAsCode
import Foundation
import TestSupport
import Testing

/// The checker against the committed dashboards (none wrong, counted as the Python checker counts) and against
/// one broken thing at a time, each of which the Python checker also refuses.
@Suite struct DashboardCheckTests {
    struct PythonReport: Decodable {
        var file: String
        var widgets: Int
        var groups: Int
        var template_variables: [String]
        var errors: [String]
    }

    static func python(_ paths: [String]) throws -> [PythonReport] {
        let result = try PythonScript.execute("scripts/tools/dashboards.py", arguments: ["check", "--json"] + paths)
        return try JSONDecoder().decode([PythonReport].self, from: result.output)
    }

    @Test func theCommittedDashboardsHaveNoErrorsAndTheWidgetsPythonCounts() throws {
        let folder = RepositoryPaths.root.appendingPathComponent(Fixtures.dashboardFolder).path
        let oracle = try Self.python([folder])
        let reports = try Fixtures.dashboards().map { DashboardCheck.check($0.bytes, file: "\(folder)/\($0.name)") }
        #expect(reports.count == oracle.count)
        for (report, expected) in zip(reports, oracle) {
            #expect(report.errors == [], "\(report.file)")
            #expect(report.file == expected.file)
            #expect((report.widgets, report.groups) == (expected.widgets, expected.groups), "\(report.file)")
            #expect(report.templateVariables == expected.template_variables)
        }
        #expect(reports.map(\.widgets).reduce(0, +) == oracle.map(\.widgets).reduce(0, +))
    }

    static let base = """
        {
          "layout_type": "ordered",
          "template_variables": [
            {
              "name": "env",
              "prefix": "env"
            }
          ],
          "title": "T",
          "widgets": [
            {
              "definition": {
                "layout_type": "ordered",
                "type": "group",
                "widgets": [
                  {
                    "definition": {
                      "requests": [
                        {
                          "q": "avg:system.cpu.user{$env}"
                        }
                      ],
                      "type": "timeseries"
                    }
                  }
                ]
              }
            },
            {
              "definition": {
                "content": "$PROSE is not a variable",
                "type": "note"
              }
            }
          ]
        }

        """

    @Test func theBaseIsClean() {
        let report = DashboardCheck.check(Array(Self.base.utf8), file: "base.json")
        #expect(report.errors == [])
        #expect((report.widgets, report.groups, report.templateVariables, report.title) == (3, 1, ["env"], "T"))
    }

    /// One change to the base, and the error that names it.
    static let oneThingWrong: [(old: String, new: String, error: String)] = [
        (#""type": "timeseries""#, #""type": "gauge""#, "widgets[0].definition.widgets[0].definition: \"gauge\" is not a widget type of the spec"),
        (#""content": "$PROSE is not a variable","#, "", "widgets[1].definition: 'content' is a required property"),
        ("{$env}", "{$env,$cluster}", "widgets[0].definition.widgets[0].definition.requests[0].q: unknown template variable $cluster (defined: $env)"),
        (#""title": "T","#, "", "(dashboard): 'title' is a required property"),
        (#""layout_type": "ordered",\#n  "template"#, "\"layout_type\": \"grid\",\n  \"template", "layout_type: \"grid\" is not one of ['ordered', 'free']"),
        (#""layout_type": "ordered",\#n  "template"#, "\"layout_type\": \"free\",\n  \"template", "widgets[0]: a widget of a free dashboard needs a layout"),
        (#""name": "env","#, #""name": 7,"#, "template_variables[0].name: 7 is not of type 'string'"),
        (#""type": "group","#, #""type": "group", "id": 5,"#,
         "not in normalised form (opsdaily dashboards pull, or scripts/tools/dashboards.py normalise FILE)"),
        (#""prefix": "env""#, "\"prefix\": \"env\"}, {\"name\": \"env\"", "template_variables: 'env' is defined twice"),
    ]

    static func broken(_ change: (old: String, new: String, error: String)) -> String {
        base.replacingOccurrences(of: change.old, with: change.new)
    }

    @Test(arguments: oneThingWrong)
    func oneThingWrongIsNamed(change: (old: String, new: String, error: String)) {
        let text = Self.broken(change)
        #expect(text != Self.base)
        let report = DashboardCheck.check(Array(text.utf8), file: "broken.json")
        #expect(report.errors.contains(change.error), "\(report.errors)")
    }

    /// One run of the Python checker over every broken file: the spec takes seconds to load.
    @Test func thePythonCheckerRefusesEachBrokenFileToo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, change) in Self.oneThingWrong.enumerated() {
            try Data(Self.broken(change).utf8).write(to: folder.appendingPathComponent("broken-\(index + 10).json"))
        }
        let reports = try Self.python([folder.path])
        #expect(reports.count == Self.oneThingWrong.count)
        #expect(reports.allSatisfy { !$0.errors.isEmpty })
    }

    @Test func aFileThatIsNotADashboardSaysSo() {
        #expect(DashboardCheck.check(Array("{\"a\": 1, \"a\": 2}".utf8), file: "x").errors.first?.hasPrefix("not JSON: duplicate key") == true)
        #expect(DashboardCheck.check(Array("[]".utf8), file: "x").errors == ["a dashboard is a JSON object"])
        let text = #"{"title": "t", "layout_type": "ordered", "widgets": [7, {"definition": "x"}, {"definition": {}}]}"#
        let hostile = DashboardCheck.check(Array(text.utf8), file: "x")
        #expect(hostile.widgets == 3)
        #expect(hostile.errors.contains("widgets[0]: 7 is not of type 'object'"))
        #expect(hostile.errors.contains("widgets[1].definition: \"x\" is not of type 'object'"))
        #expect(hostile.errors.contains("widgets[2].definition: a widget definition needs a type"))
    }

    @Test func layoutsAreFourNonNegativeIntegersWhereTheyAreWanted() {
        let text = #"{"layout_type": "free", "title": "t", "widgets": [{"definition": {"content": "c", "type": "note"}, "#
            + #""layout": {"height": 1, "width": 2.0, "x": -1}}]}"#
        let errors = DashboardCheck.check(Array(text.utf8), file: "x").errors
        #expect(errors.contains("widgets[0].layout: 'y' is a required property"))
        #expect(errors.contains("widgets[0].layout.x: -1 is less than the minimum of 0"))
        #expect(!errors.contains { $0.contains("layout.width") })
    }

    @Test func theTableHasEveryTypeTheDashboardsUse() {
        #expect(DashboardSchema.widgetTypes.count >= 40)
        #expect(DashboardSchema.widgetTypes["group"]?.required == ["layout_type", "widgets"])
        #expect(DashboardSchema.widgetTypes["log_stream"]?.required == [])
    }
}
