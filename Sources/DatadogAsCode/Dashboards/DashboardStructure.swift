/// The dashboard's shape against `DashboardSchema`: the required fields and enums of the dashboard, its
/// template variables and widgets, every widget's definition by its type, layouts. Messages name the place as
/// `scripts/tools/dashboards.py` does (`widgets[1].definition.widgets[0].definition: 'requests' is a required property`).
enum DashboardStructure {
    static func errors(in document: JSONTree, widgets: [DashboardWidget]) -> [String] {
        var errors: [String] = []
        for name in DashboardSchema.dashboardRequired where document[name] == nil {
            errors.append("(dashboard): '\(name)' is a required property")
        }
        if let title = document["title"], title.stringValue == nil {
            errors.append("title: \(DashboardCheck.describe(title)) is not of type 'string'")
        }
        if let layoutType = document["layout_type"] {
            errors += oneOf(layoutType, DashboardSchema.layoutTypes, at: "layout_type")
        }
        if let reflow = document["reflow_type"], reflow != .null {
            errors += oneOf(reflow, DashboardSchema.reflowTypes, at: "reflow_type")
        }
        if let list = document["widgets"], list.arrayValue == nil {
            errors.append("widgets: \(DashboardCheck.describe(list)) is not of type 'array'")
        }
        errors += templateVariableErrors(document["template_variables"])
        for widget in widgets {
            errors += widgetErrors(widget)
        }
        return errors
    }

    static func oneOf(_ value: JSONTree, _ allowed: [String], at path: String) -> [String] {
        guard let text = value.stringValue, allowed.contains(text) else {
            return ["\(path): \(DashboardCheck.describe(value)) is not one of [\(allowed.map { "'\($0)'" }.joined(separator: ", "))]"]
        }
        return []
    }

    static func templateVariableErrors(_ variables: JSONTree?) -> [String] {
        guard let variables, variables != .null else { return [] }
        guard let items = variables.arrayValue else {
            return ["template_variables: \(DashboardCheck.describe(variables)) is not of type 'array'"]
        }
        var errors: [String] = []
        for (index, variable) in items.enumerated() {
            let path = "template_variables[\(index)]"
            guard variable.members != nil else {
                errors.append("\(path): \(DashboardCheck.describe(variable)) is not of type 'object'")
                continue
            }
            for name in DashboardSchema.templateVariableRequired where variable[name] == nil {
                errors.append("\(path): '\(name)' is a required property")
            }
            if let name = variable["name"], name.stringValue == nil {
                errors.append("\(path).name: \(DashboardCheck.describe(name)) is not of type 'string'")
            }
        }
        return errors
    }

    static func widgetErrors(_ widget: DashboardWidget) -> [String] {
        guard widget.value.members != nil else {
            return ["\(widget.path): \(DashboardCheck.describe(widget.value)) is not of type 'object'"]
        }
        var errors = DashboardSchema.widgetRequired.filter { widget.value[$0] == nil }.map { "\(widget.path): '\($0)' is a required property" }
        if let layout = widget.value["layout"] {
            errors += layoutErrors(layout, at: "\(widget.path).layout")
        }
        guard let definition = widget.value["definition"] else { return errors }
        let path = "\(widget.path).definition"
        guard definition.members != nil else {
            return errors + ["\(path): \(DashboardCheck.describe(definition)) is not of type 'object'"]
        }
        guard let type = definition["type"] else { return errors + ["\(path): a widget definition needs a type"] }
        guard let name = type.stringValue, let schema = DashboardSchema.widgetTypes[name] else {
            return errors + ["\(path): \(DashboardCheck.describe(type)) is not a widget type of the spec"]
        }
        errors += schema.required.filter { definition[$0] == nil }.map { "\(path): '\($0)' is a required property" }
        if name == "group" {
            if let layoutType = definition["layout_type"] {
                errors += oneOf(layoutType, DashboardSchema.groupLayoutTypes, at: "\(path).layout_type")
            }
            if let inner = definition["widgets"], inner.arrayValue == nil {
                errors.append("\(path).widgets: \(DashboardCheck.describe(inner)) is not of type 'array'")
            }
        }
        return errors
    }

    static func layoutErrors(_ layout: JSONTree, at path: String) -> [String] {
        guard layout.members != nil else { return ["\(path): \(DashboardCheck.describe(layout)) is not of type 'object'"] }
        return DashboardSchema.widgetLayoutRequired.compactMap { name in
            guard let value = layout[name] else { return "\(path): '\(name)' is a required property" }
            guard value.isIntegral, let number = value.numberValue else {
                return "\(path).\(name): \(DashboardCheck.describe(value)) is not of type 'integer'"
            }
            return number < 0 ? "\(path).\(name): \(DashboardCheck.describe(value)) is less than the minimum of 0" : nil
        }
    }
}
