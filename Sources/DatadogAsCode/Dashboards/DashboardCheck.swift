/// `opsdaily dashboards check` for one file: its structure against the spec's table (`DashboardSchema`), its
/// template variables, the layout rules the `Widget` schema states in prose, and the normalised form. Pure:
/// the file's bytes in, the report out.
public enum DashboardCheck {
    public static func check(_ bytes: [UInt8], file: String) -> DashboardReport {
        var report = DashboardReport(file: file)
        let document: JSONTree
        do {
            document = try JSONTree(parsing: bytes)
        } catch {
            report.errors.append(error.description)
            return report
        }
        guard document.members != nil else {
            report.errors.append("a dashboard is a JSON object")
            return report
        }
        let widgets = DashboardWidget.all(in: document)
        report.title = document["title"]?.stringValue ?? ""
        report.widgets = widgets.count
        report.groups = widgets.filter { $0.type == "group" }.count
        report.templateVariables = TemplateVariables.names(in: document).compactMap { $0 }
        report.errors += DashboardStructure.errors(in: document, widgets: widgets)
        report.errors += TemplateVariables.errors(in: document, widgets: widgets)
        report.errors += layoutErrors(in: document, widgets: widgets)
        if (try? DashboardFile.normalisedText(bytes)).map({ !$0.utf8.elementsEqual(bytes) }) ?? true {
            report.errors.append("not in normalised form (opsdaily dashboards pull, or scripts/tools/dashboards.py normalise FILE)")
        }
        return report
    }

    /// A free dashboard places every widget itself; an ordered one reflows them (`auto`: no layouts) or not
    /// (`fixed`: a layout on every widget); only an ordered dashboard has a reflow type.
    static func layoutErrors(in document: JSONTree, widgets: [DashboardWidget]) -> [String] {
        let layoutType = document["layout_type"]
        let reflow = document["reflow_type"]
        var errors: [String] = []
        if let reflow, reflow != .null, layoutType != .string("ordered") {
            errors.append("reflow_type: only an ordered dashboard reflows (layout_type is \(layoutType.map(describe) ?? "missing"))")
        }
        for widget in widgets where widget.value.members != nil {
            let hasLayout = widget.value["layout"] != nil
            if layoutType == .string("free"), widget.isTopLevel, !hasLayout {
                errors.append("\(widget.path): a widget of a free dashboard needs a layout")
            } else if layoutType == .string("ordered"), reflow == .string("fixed"), !hasLayout {
                errors.append("\(widget.path): reflow_type fixed needs a layout on every widget")
            } else if layoutType == .string("ordered"), reflow == .string("auto"), hasLayout {
                errors.append("\(widget.path): reflow_type auto places widgets itself; remove the layout")
            }
        }
        return errors
    }

    /// A value as an error message shows it: compact JSON, cut.
    static func describe(_ value: JSONTree) -> String {
        let text = value.indentedText.split(whereSeparator: \.isNewline).map { $0.drop { $0 == " " } }.joined(separator: " ")
        return text.count > 60 ? String(text.prefix(59)) + "…" : text
    }
}
