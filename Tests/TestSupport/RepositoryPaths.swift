import Foundation

/// Locations tests need: the repository, the build products of the current `swift test` run, and `../shared`.
public enum RepositoryPaths {
    /// The repository root, found from this file's location so tests work from any working directory.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `../shared` beside the repository, where the reference data lives.
    public static let shared: URL = root.deletingLastPathComponent().appendingPathComponent("shared")

    /// The folder holding the executables built with the tests (the test bundle sits next to them).
    public static let products: URL = {
        if let override = ProcessInfo.processInfo.environment["OPSDAILY_PRODUCTS_DIR"] {
            return URL(fileURLWithPath: override)
        }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return runner.deletingLastPathComponent()
    }()

    /// An executable product of this package, e.g. `lambda-emulator`.
    public static func product(_ name: String) -> String {
        products.appendingPathComponent(name).path
    }
}
