import AWSCore
import CivilTime

/// Reads a column's value out of a row: the catalogue's `CellRule`s and `CellFormat`s, interpreted.
enum CellReader {
    static func cell(_ column: Column, in row: AWSValue) -> FieldValue {
        let text = value(column.value, in: row)
        guard let text, !text.isEmpty else { return .empty }
        switch column.format {
        case .text: return .text(text)
        case .integer, .bytes: return isInteger(text) ? .number(text) : .text(text)
        case .decimal: return isDecimal(text) ? .number(text) : .text(text)
        case .timestamp: return .text(timestamp(text) ?? text)
        case .epochMilliseconds:
            guard let milliseconds = Int64(text), let instant = Instant(exactly: milliseconds) else { return .text(text) }
            return .text(instant.iso8601())
        }
    }

    static func value(_ rule: CellRule, in row: AWSValue) -> String? {
        switch rule {
        case .path(let path):
            return row.values(at: path).lazy.compactMap(\.text).first
        case .firstOf(let paths):
            return paths.lazy.compactMap { value(.path($0), in: row) }.first { !$0.isEmpty }
        case .join(let path):
            let texts = row.values(at: path).compactMap(\.text).filter { !$0.isEmpty }
            return texts.isEmpty ? nil : texts.joined(separator: ", ")
        case .count(let path):
            return String(row.values(at: path).count)
        case .tag(let key, let path):
            return tags(at: path, in: row).first { $0.key == key }?.value
        case .tags(let path):
            let all = tags(at: path, in: row).sorted { $0.key < $1.key }
            return all.isEmpty ? nil : all.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        case .pairs(let path, let keyName, let valueName):
            let pairs = row.values(at: path).compactMap { pair in pair[keyName]?.text.map { "\($0)=\(pair[valueName]?.text ?? "")" } }
            return pairs.isEmpty ? nil : pairs.joined(separator: "; ")
        case .entry(let path, let key):
            return entries(at: path, in: row).first { $0.key == key }?.value
        case .lastSegment(let path):
            guard let text = value(.path(path), in: row) else { return nil }
            return text.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? text
        case .portRange(let from, let to):
            guard let low = value(.path(from), in: row) else { return "All" }
            let high = value(.path(to), in: row) ?? low
            if low == "-1" || (low == "0" && high == "65535") { return "All" }
            return low == high ? low : "\(low)-\(high)"
        case .ipProtocol(let path):
            guard let text = value(.path(path), in: row) else { return nil }
            return ipProtocolNames[text] ?? text
        case .latest(let paths):
            let instants = paths.compactMap { value(.path($0), in: row) }.compactMap { text in instant(text).map { (text, $0) } }
            return instants.max { $0.1 < $1.1 }?.1.iso8601()
        case .orElse(let rule, let fallback):
            return value(rule, in: row) ?? fallback
        }
    }

    /// Protocol numbers as the console names them.
    private static let ipProtocolNames = ["-1": "All", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6"]

    /// Tags as AWS writes them: a list of `Key`/`Value` (`key`/`value` in newer APIs), or a map (Lambda, EKS, MSK).
    static func tags(at path: AWSValuePath, in row: AWSValue) -> [(key: String, value: String)] {
        row.values(at: path).flatMap { value -> [(key: String, value: String)] in
            if let key = (value["Key"] ?? value["key"])?.text {
                return [(key, (value["Value"] ?? value["value"])?.text ?? "")]
            }
            return entries(of: value)
        }
    }

    static func entries(at path: AWSValuePath, in row: AWSValue) -> [(key: String, value: String)] {
        row.values(at: path).flatMap(entries(of:))
    }

    /// A map's entries: a JSON object's members, or XML's `<entry><key>…</key><value>…</value></entry>`.
    private static func entries(of map: AWSValue) -> [(key: String, value: String)] {
        guard case .structure(let members) = map else { return [] }
        return members.compactMap { member in
            if member.name == "entry", let key = member.value["key"]?.text {
                return (key, member.value["value"]?.text ?? "")
            }
            return member.value.text.map { (member.name, $0) }
        }
    }

    /// `2023-09-19T10:11:12Z` (UTC) from ISO 8601 with any offset or from epoch seconds; nil for anything else.
    static func timestamp(_ text: String) -> String? {
        instant(text)?.iso8601()
    }

    private static func instant(_ text: String) -> Instant? {
        if let instant = try? Instant(iso8601: text) { return instant }
        // JSON protocols send epoch seconds, often with a fraction (`1695118272.123`).
        let whole = text.split(separator: ".", maxSplits: 1).first.map(String.init) ?? text
        guard whole.count <= 12, let seconds = Int64(whole), text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let instant = Instant(exactly: seconds * 1000)
        else { return nil }
        return instant
    }

    private static func isDecimal(_ text: String) -> Bool {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return isInteger(String(parts[0])) && (parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isNumber }))
    }

    private static func isInteger(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.count <= 18 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
