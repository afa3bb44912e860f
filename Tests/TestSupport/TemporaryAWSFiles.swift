import Foundation

/// Shared config and credentials files of a test's own, in a folder that is also `HOME` (where the SSO token
/// cache lives), and the environment that points at them.
public struct TemporaryAWSFiles: Sendable {
    public let environment: [String: String]
    public let folder: URL

    public init(credentials: String, config: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("aws-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let credentialsPath = folder.appendingPathComponent("credentials")
        let configPath = folder.appendingPathComponent("config")
        try credentials.write(to: credentialsPath, atomically: true, encoding: .utf8)
        try config.write(to: configPath, atomically: true, encoding: .utf8)
        environment = [
            "HOME": folder.path,
            "AWS_SHARED_CREDENTIALS_FILE": credentialsPath.path,
            "AWS_CONFIG_FILE": configPath.path,
        ]
    }

    /// Writes `contents` to `relativePath` under the folder (creating folders) and returns its path.
    @discardableResult
    public func write(_ contents: String, to relativePath: String) throws -> String {
        let url = folder.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
