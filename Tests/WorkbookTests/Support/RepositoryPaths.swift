/// Paths in the repository, found from this file's own: the tests run from any directory.
enum RepositoryPaths {
    static let root: String = {
        let components = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        // …/Tests/WorkbookTests/Support/RepositoryPaths.swift
        return components.dropLast(4).joined(separator: "/")
    }()

    static func fixture(_ name: String) -> String {
        root + "/Tests/WorkbookTests/Fixtures/" + name
    }
}
