/// `$name` in a widget's queries must be a template variable of the dashboard: Datadog shows a widget with an
/// unknown one as empty, without an error. Prose (`content`, `text`) is left out: a note may well say `$LATEST`.
enum TemplateVariables {
    static let proseKeys: Set<String> = ["content", "text"]

    /// The `name` of every variable, nil where it is not a string.
    static func names(in document: JSONTree) -> [String?] {
        (document["template_variables"]?.arrayValue ?? []).filter { $0.members != nil }.map { $0["name"]?.stringValue }
    }

    static func errors(in document: JSONTree, widgets: [DashboardWidget]) -> [String] {
        let names = names(in: document).compactMap { $0 }
        let defined = Set(names)
        var errors = defined.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).filter { name in names.filter { $0 == name }.count > 1 }
            .map { "template_variables: '\($0)' is defined twice" }
        let listing = defined.isEmpty ? "none" : defined.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).map { "$\($0)" }.joined(separator: ", ")
        for widget in widgets {
            for (path, text) in strings(in: widget.value["definition"], path: "\(widget.path).definition") {
                for name in references(in: text) where !defined.contains(name) {
                    errors.append("\(path): unknown template variable $\(name) (defined: \(listing))")
                }
            }
        }
        for (index, preset) in (document["template_variable_presets"]?.arrayValue ?? []).enumerated() {
            for (inner, variable) in (preset["template_variables"]?.arrayValue ?? []).enumerated() {
                if let name = variable["name"]?.stringValue, !defined.contains(name) {
                    errors.append("template_variable_presets[\(index)].template_variables[\(inner)]: unknown template variable '\(name)'")
                }
            }
        }
        return errors
    }

    /// Every string a definition holds with its path; group members are widgets of their own.
    static func strings(in node: JSONTree?, path: String) -> [(String, String)] {
        switch node {
        case .string(let text)?: return [(path, text)]
        case .object(let members)?:
            return members.filter { !proseKeys.contains($0.key) && $0.key != "widgets" }.flatMap { strings(in: $0.value, path: "\(path).\($0.key)") }
        case .array(let items)?:
            return items.enumerated().flatMap { strings(in: $1, path: "\(path)[\($0)]") }
        default: return []
        }
    }

    /// `$` then a letter or `_`, then letters, digits, `_` and `-` (ASCII): the names a query can refer to.
    static func references(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        func isStart(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && (scalar.properties.isAlphabetic || scalar == "_") }
        func isPart(_ scalar: Unicode.Scalar) -> Bool { isStart(scalar) || ("0"..."9").contains(scalar) || scalar == "-" }
        var names: [String] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "$", index + 1 < scalars.count, isStart(scalars[index + 1]) else {
                index += 1
                continue
            }
            var end = index + 2
            while end < scalars.count, isPart(scalars[end]) { end += 1 }
            var name = String.UnicodeScalarView()
            name.append(contentsOf: scalars[(index + 1)..<end])
            names.append(String(name))
            index = end
        }
        return names
    }
}
