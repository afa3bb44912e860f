/// Every widget of a dashboard at any depth, group members after their group, each with the path the checks
/// name it by (`widgets[2].definition.widgets[0]`), as `scripts/tools/dashboards.py` walks them.
struct DashboardWidget {
    let path: String
    let value: JSONTree

    var definition: JSONTree? {
        guard let definition = value["definition"], definition.members != nil else { return nil }
        return definition
    }

    var type: String? { definition?["type"]?.stringValue }

    var isTopLevel: Bool { !path.contains(".definition.widgets[") }

    static func all(in document: JSONTree) -> [DashboardWidget] {
        var found: [DashboardWidget] = []
        collect(document["widgets"], path: "widgets", into: &found)
        return found
    }

    private static func collect(_ widgets: JSONTree?, path: String, into found: inout [DashboardWidget]) {
        for (index, widget) in (widgets?.arrayValue ?? []).enumerated() {
            let here = "\(path)[\(index)]"
            found.append(DashboardWidget(path: here, value: widget))
            if let definition = widget["definition"], definition.members != nil, let inner = definition["widgets"] {
                collect(inner, path: "\(here).definition.widgets", into: &found)
            }
        }
    }
}
