#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where a command writes its files. Each file is written whole to a temporary name and renamed, so a reader
/// never sees half a workbook and an interrupted run leaves the previous one intact.
struct OutputDirectory {
    let path: String

    func create(_ subfolder: String? = nil) throws {
        let folder = subfolder.map { path + "/" + $0 } ?? path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputFileError(path: folder, reason: String(describing: error))
        }
    }

    /// `name` may include a subfolder made with `create`; answers the path written.
    func save(_ bytes: [UInt8], as name: String) throws -> String {
        let file = path + "/" + name
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw OutputFileError(path: file, reason: String(describing: error))
        }
        return file
    }
}

struct OutputFileError: Error, CustomStringConvertible {
    let path: String
    let reason: String

    var description: String { "cannot write \(path): \(reason)" }
}
