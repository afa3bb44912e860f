/// What `opsdaily dashboards check` says of one file; the fields of `scripts/tools/dashboards.py check --json`.
public struct DashboardReport: Sendable, Equatable {
    public var file: String
    public var title: String
    /// Every widget at any depth, groups included.
    public var widgets: Int
    public var groups: Int
    public var templateVariables: [String]
    public var errors: [String]

    public init(file: String, title: String = "", widgets: Int = 0, groups: Int = 0, templateVariables: [String] = [], errors: [String] = []) {
        self.file = file
        self.title = title
        self.widgets = widgets
        self.groups = groups
        self.templateVariables = templateVariables
        self.errors = errors
    }

    public var json: JSONTree {
        .object([
            JSONMember("file", .string(file)), JSONMember("title", .string(title)), JSONMember("widgets", .integer(String(widgets))),
            JSONMember("groups", .integer(String(groups))), JSONMember("template_variables", .array(templateVariables.map(JSONTree.string))),
            JSONMember("errors", .array(errors.map(JSONTree.string))),
        ])
    }
}
