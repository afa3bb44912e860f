import Foundation
import TestSupport

/// The files tests read: this target's `Fixtures/` and the repository's Datadog stack.
enum Fixtures {
    static func bytes(_ name: String) throws -> [UInt8] {
        try repository("Tests/DatadogAsCodeTests/Fixtures/\(name)")
    }

    static func repository(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: RepositoryPaths.root.appendingPathComponent(path)))
    }

    static let dashboardFolder = "terraform/datadog/dashboards"

    /// The committed dashboards, by file name.
    static func dashboards() throws -> [(name: String, bytes: [UInt8])] {
        let folder = RepositoryPaths.root.appendingPathComponent(dashboardFolder)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }
}
