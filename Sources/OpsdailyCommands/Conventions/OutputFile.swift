/// A single output file named on the command line (`--out FILE`), written as `OutputDirectory` writes: whole
/// to a temporary name beside it, then renamed.
enum OutputFile {
    static func save(_ bytes: [UInt8], to path: String) throws {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        _ = try OutputDirectory(path: folder.isEmpty ? "/" : folder).save(bytes, as: name)
    }
}
