import ArgumentParser

/// The file outputs the reporting commands write, chosen with `--format` (comma separated).
public enum FileFormat: String, CaseIterable, Sendable {
    case xlsx, html, csv, json

    /// `--format`'s value as a set; `allowed` limits it to what the command writes.
    static func parse(_ text: String, allowed: [FileFormat] = FileFormat.allCases) throws -> Set<FileFormat> {
        let names = text.split(separator: ",").map { $0.trimmedWhitespace.lowercased() }
        var formats = Set<FileFormat>()
        for name in names {
            guard let format = FileFormat(rawValue: name), allowed.contains(format) else {
                throw ValidationError("--format \"\(name.prefix(20))\" is not one of \(allowed.map(\.rawValue).joined(separator: ", "))")
            }
            formats.insert(format)
        }
        if formats.isEmpty { throw ValidationError("--format names no output") }
        return formats
    }
}
