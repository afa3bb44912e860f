/// The normalised form of a dashboard file (`terraform/datadog/dashboards/*.json`), byte for byte what
/// `scripts/tools/dashboards.py normalise` writes: without the fields Datadog computes (the dashboard's id,
/// author, dates and URL, every widget's id) or fills in for optional fields nobody set (null, an empty list,
/// `is_read_only` false); keys sorted; 2-space indent; UTF-8 as is; one trailing newline.
/// `datadog_dashboard_json` ignores the same fields, so a file in this form plans without drift.
public enum DashboardFile {
    public static let computedFields = ["id", "author_handle", "author_name", "created_at", "modified_at", "url"]
    /// What Datadog answers for these when nobody set them: `[]`.
    public static let emptyListFields = ["notify_list", "restricted_roles", "tags", "template_variables", "template_variable_presets", "tabs"]

    /// The file's text for a dashboard as Datadog answers it (or as a file holds it).
    public static func normalisedText(_ bytes: [UInt8]) throws(DashboardFileError) -> String {
        let document: JSONTree
        do {
            document = try JSONTree(parsing: bytes)
        } catch {
            throw .notJSON(error)
        }
        return try normalised(document).indentedText + "\n"
    }

    public static func normalised(_ document: JSONTree) throws(DashboardFileError) -> JSONTree {
        guard let members = document.members else { throw .notAnObject }
        let kept = members.filter { member in
            if computedFields.contains(member.key) { return false }
            switch member.value {
            case .null: return false
            case .array(let items) where items.isEmpty: return !emptyListFields.contains(member.key)
            case .bool(false): return member.key != "is_read_only"
            default: return true
            }
        }
        return .object(kept.map { member in
            member.key == "widgets" ? JSONMember(member.key, withoutWidgetIDs(member.value)) : member
        })
    }

    /// Group members too, as deep as groups nest.
    static func withoutWidgetIDs(_ widgets: JSONTree) -> JSONTree {
        guard let items = widgets.arrayValue else { return widgets }
        return .array(items.map { widget in
            guard let members = widget.members else { return widget }
            return .object(members.compactMap { member in
                if member.key == "id" { return nil }
                guard member.key == "definition", let definition = member.value.members else { return member }
                return JSONMember("definition", .object(definition.map { inner in
                    inner.key == "widgets" ? JSONMember("widgets", withoutWidgetIDs(inner.value)) : inner
                }))
            })
        })
    }
}

public enum DashboardFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case notJSON(JSONSyntaxError)
    case notAnObject

    public var description: String {
        switch self {
        case .notJSON(let error): return error.description
        case .notAnObject: return "a dashboard is a JSON object"
        }
    }
}
