import Foundation
import TestSupport

/// A rendered report read back by Python's `html.parser` (`Fixtures/reports/inspect_html.py`).
struct HTMLInspection: Decodable {
    struct Row: Decodable { var id: String; var `class`: String; var text: String; var href: String? }
    var errors: [String]
    var csp: String?
    var title: String
    var active: [String]
    var handlers: [String]
    /// Table rows that carry `data-monitor-id`, in page order.
    var rows: [Row]
    var details: Int

    init(_ html: String) throws {
        let output = try PythonScript.run("Tests/OpsCoreTests/Fixtures/reports/inspect_html.py", input: Data(html.utf8))
        self = try JSONDecoder().decode(HTMLInspection.self, from: output)
    }
}
