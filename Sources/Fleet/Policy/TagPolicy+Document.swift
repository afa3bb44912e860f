/// The policy file's format (the tags contract): every field known, every value checked, so a typo or a rule
/// that could never be met stops the run before any call, at its line, rather than skewing an audit.
extension TagPolicy {
    /// Reads a policy file's text, JSON or YAML; `name` is how errors name the file.
    public static func read(text: String, name: String) throws(PolicyError) -> TagPolicy {
        try TagPolicy(document: PolicyDocument.parse(text, name: name), source: name)
    }

    public init(document: PolicyNode, source: String) throws(PolicyError) {
        let reader = PolicyReader(source: source)
        let root = try reader.fields(document, at: "", known: ["version", "scope", "keys", "valuePattern", "fill", "derived", "groupBy", "autorecovery"])
        try reader.version(try root.required("version"))
        let scope = try reader.scope(try root.required("scope"))
        let ec2 = !scope.ec2.isEmpty
        let keys = try reader.keys(try root.required("keys"), ec2: ec2)
        let valuePattern = try root["valuePattern"].map { node throws(PolicyError) in try reader.pattern(node, at: "valuePattern") }
        var policy = TagPolicy(scope: scope, keys: keys, valuePattern: valuePattern)
        if let fill = root["fill"] { policy.fill = try reader.fill(fill, policy: policy) }
        if let derived = root["derived"] { policy.derived = try reader.derived(derived, scope: scope) }
        if let groupBy = root["groupBy"] { policy.groupBy = try reader.tagKey(groupBy, at: "groupBy", ec2: ec2) }
        if let recovery = root["autorecovery"] { policy.recoveryExclusions = try reader.recoveryExclusions(recovery) }
        self = policy
    }
}

/// A map's fields once checked against the names it may have.
private struct Fields {
    let path: String
    let node: PolicyNode
    let values: [String: PolicyNode]
    let reader: PolicyReader

    subscript(name: String) -> PolicyNode? { values[name] }

    func path(_ name: String) -> String { join(path, name) }

    func required(_ name: String) throws(PolicyError) -> PolicyNode {
        guard let value = values[name] else { throw reader.error(node, path, "\(name) is missing") }
        return value
    }
}

private func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

/// A key as it appears in a path: as written unless long or holding control characters.
private func segment(_ key: String) -> String {
    key.count <= 64 && !key.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? key : PolicyError.quote(key)
}

private struct PolicyReader {
    let source: String

    func error(_ node: PolicyNode, _ path: String, _ message: String) -> PolicyError {
        error(node.position, path, message)
    }

    func error(_ position: SourcePosition, _ path: String, _ message: String) -> PolicyError {
        PolicyError(source: source, position: position, message: path.isEmpty ? message : "\(path): \(message)")
    }

    // MARK: Shapes

    /// A map with a fixed set of fields; a field it does not know is an error at its line. `null` (`key:` with
    /// nothing after it in YAML) reads as a map without fields where `nullIsEmpty`.
    func fields(_ node: PolicyNode, at path: String, known: [String], nullIsEmpty: Bool = false) throws(PolicyError) -> Fields {
        let entries: [PolicyNode.Entry]
        switch node.value {
        case .map(let map): entries = map
        case .null where nullIsEmpty: entries = []
        default:
            throw error(node, path, "expected a map with \(known.joined(separator: ", ")), found \(describe(node))")
        }
        var values: [String: PolicyNode] = [:]
        for entry in entries {
            guard known.contains(entry.key) else {
                throw error(entry.keyPosition, join(path, segment(entry.key)), "unknown field\(suggestion(for: entry.key, among: known))")
            }
            values[entry.key] = entry.value
        }
        return Fields(path: path, node: node, values: values, reader: self)
    }

    /// A map whose keys are the operator's (tag keys, derived tag names), in the file's order. A section
    /// left empty (`fill:` with its lines commented out) has none.
    func entries(_ node: PolicyNode, at path: String, of what: String) throws(PolicyError) -> [PolicyNode.Entry] {
        switch node.value {
        case .map(let entries): return entries
        case .null: return []
        default: throw error(node, path, "expected a map of \(what), found \(describe(node))")
        }
    }

    func string(_ node: PolicyNode, at path: String) throws(PolicyError) -> String {
        guard case .string(let text) = node.value else {
            throw error(node, path, "expected a string, found \(describe(node))\(quoteHint(node))")
        }
        return text
    }

    func nonEmptyString(_ node: PolicyNode, at path: String) throws(PolicyError) -> String {
        let text = try string(node, at: path)
        guard !text.isEmpty else { throw error(node, path, "must not be empty") }
        return text
    }

    func bool(_ node: PolicyNode, at path: String) throws(PolicyError) -> Bool {
        guard case .bool(let value) = node.value else { throw error(node, path, "expected true or false, found \(describe(node))") }
        return value
    }

    /// A list of distinct, non-empty strings.
    func strings(_ node: PolicyNode, at path: String, allowEmpty: Bool = false) throws(PolicyError) -> [String] {
        guard case .list(let items) = node.value else { throw error(node, path, "expected a list of strings, found \(describe(node))") }
        if items.isEmpty, !allowEmpty { throw error(node, path, "the list is empty") }
        var result: [String] = []
        var seen: Set<String> = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard case .string(let text) = item.value else {
                throw error(item, itemPath, "expected a string, found \(describe(item))\(quoteHint(item))")
            }
            guard !text.isEmpty else { throw error(item, itemPath, "must not be empty") }
            guard seen.insert(text).inserted else { throw error(item, itemPath, "\(PolicyError.quote(text)) appears twice") }
            result.append(text)
        }
        return result
    }

    // MARK: The policy's fields

    func version(_ node: PolicyNode) throws(PolicyError) {
        guard case .number("1") = node.value else {
            throw error(node, "version", "this tool reads version 1 policies, found \(describe(node))")
        }
    }

    /// `autorecovery.exclude`: tags (`KEY` or `KEY=VALUE`) whose instances get no recover alarm.
    func recoveryExclusions(_ node: PolicyNode) throws(PolicyError) -> RecoveryExclusions {
        let fields = try fields(node, at: "autorecovery", known: ["exclude"])
        guard let exclude = fields["exclude"] else { return RecoveryExclusions() }
        let values = try strings(exclude, at: fields.path("exclude"))
        do {
            return try RecoveryExclusions(parsing: values)
        } catch {
            throw self.error(exclude, fields.path("exclude"), "\"\(error.text.prefix(64))\" is not KEY or KEY=VALUE with a key of 1 to 127 characters")
        }
    }

    func scope(_ node: PolicyNode) throws(PolicyError) -> TagPolicy.Scope {
        let fields = try fields(node, at: "scope", known: ["ec2", "taggingApi"])
        let ec2 = try fields["ec2"].map { node throws(PolicyError) in try ec2Types(node, at: fields.path("ec2")) } ?? []
        let taggingAPI =
            try fields["taggingApi"].map { node throws(PolicyError) in try taggingAPITypes(node, at: fields.path("taggingApi")) } ?? []
        guard !ec2.isEmpty || !taggingAPI.isEmpty else { throw error(node, "scope", "names no resource type (ec2 or taggingApi)") }
        return TagPolicy.Scope(ec2: ec2, taggingAPI: taggingAPI)
    }

    func ec2Types(_ node: PolicyNode, at path: String) throws(PolicyError) -> [TagPolicy.EC2ResourceType] {
        let names = try strings(node, at: path)
        var types: [TagPolicy.EC2ResourceType] = []
        for (index, name) in names.enumerated() {
            guard let type = TagPolicy.EC2ResourceType(rawValue: name) else {
                let known = TagPolicy.EC2ResourceType.allCases.map(\.rawValue).joined(separator: ", ")
                throw error(item(node, index), "\(path)[\(index)]", "\(PolicyError.quote(name)) is not one of \(known)")
            }
            types.append(type)
        }
        return types
    }

    /// `service` or `service:type` as the Resource Groups Tagging API filters by them (`rds:db`, `s3`).
    func taggingAPITypes(_ node: PolicyNode, at path: String) throws(PolicyError) -> [String] {
        let types = try strings(node, at: path)
        for (index, type) in types.enumerated() {
            let parts = type.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let service = parts[0].unicodeScalars
            let serviceValid =
                service.first.map { ("a"..."z").contains($0) } == true
                && service.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            let resourceValid =
                parts.count == 1
                || (!parts[1].isEmpty && parts[1].unicodeScalars.allSatisfy { $0.isASCIILetterOrDigit || "-_./".unicodeScalars.contains($0) })
            guard serviceValid, resourceValid else {
                throw error(
                    item(node, index), "\(path)[\(index)]",
                    "\(PolicyError.quote(type)) is not a resource type of the Resource Groups Tagging API (service or service:type, e.g. rds:db)"
                )
            }
            if type == "ec2:instance" || type == "ec2:volume" {
                throw error(item(node, index), "\(path)[\(index)]", "\(type) belongs in scope.ec2, whose calls also see never-tagged resources")
            }
        }
        return types
    }

    func keys(_ node: PolicyNode, ec2: Bool) throws(PolicyError) -> [TagPolicy.KeyRule] {
        var rules: [TagPolicy.KeyRule] = []
        var byLowercase: [String: String] = [:]
        for entry in try entries(node, at: "keys", of: "tag keys") {
            let path = join("keys", segment(entry.key))
            try checkTagKey(entry.key, at: entry.keyPosition, path: path, ec2: ec2)
            if let other = byLowercase.updateValue(entry.key, forKey: entry.key.lowercased()) {
                throw error(
                    entry.keyPosition, path, "the same key as \(PolicyError.quote(other)) but for case; the audit reports either as the other's wrong case"
                )
            }
            let fields = try fields(entry.value, at: path, known: ["required", "values", "pattern"], nullIsEmpty: true)
            var rule = TagPolicy.KeyRule(key: entry.key)
            if let required = fields["required"] { rule.required = try bool(required, at: fields.path("required")) }
            if let values = fields["values"] {
                rule.values = try strings(values, at: fields.path("values"))
                for (index, value) in rule.values.enumerated() {
                    if let problem = TagLimits.problem(key: entry.key, value: value, ec2: ec2) {
                        throw error(item(values, index), "\(fields.path("values"))[\(index)]", "AWS refuses \(problem)")
                    }
                }
            }
            if let pattern = fields["pattern"] {
                guard rule.values.isEmpty else {
                    throw error(
                        pattern, fields.path("pattern"), "give values or a pattern, not both: with values, the pattern would never be used"
                    )
                }
                rule.pattern = try self.pattern(pattern, at: fields.path("pattern"))
            }
            rules.append(rule)
        }
        return rules
    }

    /// A regular expression Swift's `Regex` can run: its syntax, and features it lacks (lookbehind), fail here.
    func pattern(_ node: PolicyNode, at path: String) throws(PolicyError) -> ValuePattern {
        let text = try nonEmptyString(node, at: path)
        do {
            return try ValuePattern(text)
        } catch {
            throw self.error(node, path, "not a regular expression this tool can use: \(error)")
        }
    }

    /// Values to write where a key is missing: each for a key of the policy, and one that key's rule accepts.
    func fill(_ node: PolicyNode, policy: TagPolicy) throws(PolicyError) -> [String: String] {
        let auditor = TagAuditor(policy: policy)
        let rules = Dictionary(policy.keys.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var fill: [String: String] = [:]
        for entry in try entries(node, at: "fill", of: "tag keys to values") {
            let path = join("fill", segment(entry.key))
            guard let rule = rules[entry.key] else {
                throw error(entry.keyPosition, path, "not a key of the policy's keys")
            }
            let value = try string(entry.value, at: path)
            if let problem = auditor.valueProblem(value, rule: rule) {
                throw error(entry.value, path, "\(PolicyError.quote(value)) breaks the key's own rule: \(problem)")
            }
            if let problem = TagLimits.problem(key: entry.key, value: value, ec2: !policy.scope.ec2.isEmpty) {
                throw error(entry.value, path, "AWS refuses \(problem)")
            }
            fill[entry.key] = value
        }
        return fill
    }

    func derived(_ node: PolicyNode, scope: TagPolicy.Scope) throws(PolicyError) -> [TagPolicy.DerivedTag] {
        let ec2 = !scope.ec2.isEmpty
        var derived: [TagPolicy.DerivedTag] = []
        for entry in try entries(node, at: "derived", of: "derived tag keys") {
            let path = join("derived", segment(entry.key))
            try checkTagKey(entry.key, at: entry.keyPosition, path: path, ec2: ec2)
            let fields = try fields(entry.value, at: path, known: ["from", "separators", "rules", "scope"])
            let from = try tagKey(try fields.required("from"), at: fields.path("from"), ec2: ec2)
            let separators = Set(try string(try fields.required("separators"), at: fields.path("separators")))
            let rules = try tokenRules(try fields.required("rules"), at: fields.path("rules"), separators: separators)
            let scopeNode = try fields.required("scope")
            let types = try ec2Types(scopeNode, at: fields.path("scope"))
            for (index, type) in types.enumerated() where !scope.ec2.contains(type) {
                throw error(
                    item(scopeNode, index), "\(fields.path("scope"))[\(index)]",
                    "\(type.rawValue) is not in scope.ec2, so the tag would never be derived"
                )
            }
            derived.append(TagPolicy.DerivedTag(key: entry.key, from: from, separators: separators, rules: rules, scope: types))
        }
        return derived
    }

    private func tokenRules(_ node: PolicyNode, at path: String, separators: Set<Character>) throws(PolicyError) -> [TagPolicy.TokenRule] {
        guard case .list(let items) = node.value else {
            throw error(node, path, "expected a list of rules ({tokens: [...], value: ...}), found \(describe(node))")
        }
        if items.isEmpty { throw error(node, path, "the list is empty") }
        var rules: [TagPolicy.TokenRule] = []
        for (index, item) in items.enumerated() {
            let fields = try fields(item, at: "\(path)[\(index)]", known: ["tokens", "value"])
            let tokensNode = try fields.required("tokens")
            let tokens = try strings(tokensNode, at: fields.path("tokens"))
            for (tokenIndex, token) in tokens.enumerated() {
                if let separator = token.first(where: separators.contains) {
                    throw error(
                        self.item(tokensNode, tokenIndex), "\(fields.path("tokens"))[\(tokenIndex)]",
                        "\(PolicyError.quote(token)) holds the separator \(PolicyError.quote(String(separator))), so it can never be a whole token"
                    )
                }
            }
            let valueNode = try fields.required("value")
            let value = try nonEmptyString(valueNode, at: fields.path("value"))
            if value.count > TagLimits.maximumValueLength {
                let most = TagLimits.maximumValueLength
                throw error(valueNode, fields.path("value"), "AWS refuses a value of \(value.count) characters (at most \(most))")
            }
            rules.append(TagPolicy.TokenRule(tokens: tokens, value: value))
        }
        return rules
    }

    func tagKey(_ node: PolicyNode, at path: String, ec2: Bool) throws(PolicyError) -> String {
        let key = try string(node, at: path)
        try checkTagKey(key, at: node.position, path: path, ec2: ec2)
        return key
    }

    /// AWS's limits on keys (TagLimits), with EC2's shorter one when the policy covers EC2.
    private func checkTagKey(_ key: String, at position: SourcePosition, path: String, ec2: Bool) throws(PolicyError) {
        if let problem = TagLimits.problem(key: key, value: "", ec2: ec2) { throw error(position, path, "AWS refuses \(problem)") }
    }

    // MARK: Messages

    private func item(_ list: PolicyNode, _ index: Int) -> PolicyNode {
        guard case .list(let items) = list.value else { return list }
        return items[index]
    }

    private func describe(_ node: PolicyNode) -> String {
        switch node.value {
        case .null: "nothing"
        case .bool(let value): "\(value)"
        case .number(let text): "the number \(text)"
        case .string(let text): "the string \(PolicyError.quote(text))"
        case .list: "a list"
        case .map: "a map"
        }
    }

    /// YAML reads `2023` and `true` as a number and a boolean; quotes make them text.
    private func quoteHint(_ node: PolicyNode) -> String {
        switch node.value {
        case .number(let text): " (quote it: \(PolicyError.quote(text)))"
        case .bool(let value): " (quote it: \"\(value)\")"
        default: ""
        }
    }

    /// The known field a misspelt one most likely meant (within two edits), else the list of known fields.
    private func suggestion(for field: String, among known: [String]) -> String {
        let closest = known.map { ($0, editDistance(field.lowercased(), $0.lowercased(), limit: 3)) }.min { $0.1 < $1.1 }
        if let closest, closest.1 <= 2 { return " (did you mean \(closest.0)?)" }
        return " (known fields: \(known.joined(separator: ", ")))"
    }
}

/// Levenshtein distance, given up at `limit` so a hostile 100,000-character key costs nothing.
private func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
    let a = Array(a), b = Array(b)
    guard abs(a.count - b.count) < limit else { return limit }
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
        var row = [i + 1]
        for (j, y) in b.enumerated() {
            row.append(min(previous[j + 1] + 1, row[j] + 1, previous[j] + (x == y ? 0 : 1)))
        }
        previous = row
    }
    return min(previous[b.count], limit)
}

extension Unicode.Scalar {
    fileprivate var isASCIILetterOrDigit: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}
