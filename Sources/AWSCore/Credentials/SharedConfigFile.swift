#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HTTPCore

/// The INI dialect of `~/.aws/credentials` and `~/.aws/config`: `[section]` headers, `key = value` lines,
/// `#`/`;` comment lines. Indented lines are nested settings (e.g. under `s3 =`), which nothing here needs.
struct SharedConfigFile: Sendable, Equatable {
    private(set) var sections: [String: [String: String]] = [:]

    init(text: String) {
        var current: String?
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            if rawLine.first == " " || rawLine.first == "\t" { continue }
            let line = rawLine.trimmedWhitespace
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard let close = line.firstIndex(of: "]") else { current = nil; continue }
                let name = String(line[line.index(after: line.startIndex)..<close].trimmedWhitespace)
                current = name
                if sections[name] == nil { sections[name] = [:] }
                continue
            }
            guard let current, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmedWhitespace.lowercased()
            let value = String(line[line.index(after: equals)...].trimmedWhitespace)
            sections[current]?[key] = value
        }
    }

    /// Reads a file; a missing file reads as empty, as the SDKs treat it.
    init(contentsOf path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            self.init(text: "")
            return
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        self.init(text: String(decoding: data, as: UTF8.self))
    }

    /// The locations the SDKs use: `AWS_SHARED_CREDENTIALS_FILE` / `AWS_CONFIG_FILE`, else under `$HOME/.aws`.
    static func paths(environment: [String: String]) -> (credentials: String, config: String) {
        let home = environment.nonEmpty("HOME") ?? FileManager.default.homeDirectoryForCurrentUser.path
        return (
            environment.nonEmpty("AWS_SHARED_CREDENTIALS_FILE") ?? home + "/.aws/credentials",
            environment.nonEmpty("AWS_CONFIG_FILE") ?? home + "/.aws/config"
        )
    }

    /// A profile's section in the credentials file is named `name`.
    func credentialsProfile(_ name: String) -> [String: String]? {
        sections[name]
    }

    /// In the config file a profile is `[profile name]`, except that `[default]` is also accepted for the default.
    func configProfile(_ name: String) -> [String: String]? {
        if let section = sections["profile " + name] { return section }
        return name == "default" ? sections["default"] : nil
    }
}
