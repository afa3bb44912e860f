import Foundation

/// A file under the temporary directory, removed when the test is done with it.
struct TemporaryFile: ~Copyable {
    let path: String

    init(extension fileExtension: String, contents: [UInt8]) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-\(UUID().uuidString).\(fileExtension)").path
        try Data(contents).write(to: URL(fileURLWithPath: path))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
