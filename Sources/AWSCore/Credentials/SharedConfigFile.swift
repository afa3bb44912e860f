import HostSystem
import HTTPCore

/// The INI dialect of `~/.aws/credentials` and `~/.aws/config`: `[section]` headers, `key = value` lines,
/// `#`/`;` comment lines, and indented lines continuing the setting above them (nested settings such as
/// `s3 =`, which nothing here reads). A line that is none of these is an error naming the file and the
/// line, never its text: it may hold a secret.
public struct SharedConfigFile: Sendable, Equatable {
    public private(set) var sections: [String: [String: String]] = [:]
    /// Where each section starts, for errors about its settings.
    public private(set) var sectionLines: [String: Int] = [:]
    public let path: String

    public init(text: String, path: String) throws(SharedConfigFileError) {
        self.path = path
        var current: String?
        var lastKeyHadValue = true
        var number = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" }) {
            number += 1
            let line = rawLine.trimmedWhitespace
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if rawLine.first == " " || rawLine.first == "\t" {
                // A continuation belongs to a setting with an empty value (`s3 =` then indented pairs).
                guard current != nil, !lastKeyHadValue else { throw SharedConfigFileError(path: path, line: number, problem: .strayIndentedLine) }
                continue
            }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else { throw SharedConfigFileError(path: path, line: number, problem: .badSectionHeader) }
                let name = String(line.dropFirst().dropLast().trimmedWhitespace)
                guard !name.isEmpty else { throw SharedConfigFileError(path: path, line: number, problem: .badSectionHeader) }
                current = name
                if sections[name] == nil {
                    sections[name] = [:]
                    sectionLines[name] = number
                }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { throw SharedConfigFileError(path: path, line: number, problem: .notASetting) }
            guard let section = current else { throw SharedConfigFileError(path: path, line: number, problem: .settingOutsideSection) }
            let key = line[..<equals].trimmedWhitespace.lowercased()
            guard !key.isEmpty else { throw SharedConfigFileError(path: path, line: number, problem: .notASetting) }
            let value = String(line[line.index(after: equals)...].trimmedWhitespace)
            sections[section]?[key] = value
            lastKeyHadValue = !value.isEmpty
        }
    }

    /// Far above any real file (hundreds of SSO profiles are a few hundred KB): a path pointing at something
    /// else entirely (a log, a device that never ends) is refused rather than read whole.
    public static let maximumSize = 16 << 20

    /// Reads a file, or a pipe such as `AWS_CONFIG_FILE=<(…)`, up to `maximumSize`; a missing file reads as
    /// empty, as the SDKs treat it.
    public init(contentsOf path: String) throws {
        let bytes = try SmallFile.readIfPresent(path, limit: Self.maximumSize, accepting: .regularFilesAndStreams) ?? []
        try self.init(text: String(decoding: bytes, as: UTF8.self), path: path)
    }

    /// The locations the SDKs use: `AWS_SHARED_CREDENTIALS_FILE` / `AWS_CONFIG_FILE`, else under `$HOME/.aws`.
    public static func paths(environment: [String: String]) -> (credentials: String, config: String) {
        let home = ProcessEnvironment.homeDirectory(environment: environment) ?? "/nonexistent"
        return (
            environment.nonEmpty("AWS_SHARED_CREDENTIALS_FILE") ?? home + "/.aws/credentials",
            environment.nonEmpty("AWS_CONFIG_FILE") ?? home + "/.aws/config"
        )
    }

    /// A profile's section in the credentials file is named `name`.
    public func credentialsProfile(_ name: String) -> [String: String]? {
        sections[name]
    }

    /// In the config file a profile is `[profile name]`, except that `[default]` is also accepted for the default.
    public func configProfile(_ name: String) -> [String: String]? {
        if let section = sections["profile " + name] { return section }
        return name == "default" ? sections["default"] : nil
    }

    /// `[sso-session name]` of the config file.
    public func ssoSession(_ name: String) -> [String: String]? {
        sections["sso-session " + name]
    }
}

/// A line of a shared config file that cannot be read. The line's text is never shown: it may be a key.
public struct SharedConfigFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        case badSectionHeader, notASetting, settingOutsideSection, strayIndentedLine
    }

    public let path: String
    public let line: Int
    public let problem: Problem

    public var description: String {
        let what = switch problem {
        case .badSectionHeader: "a section header must look like [name] or [profile name]"
        case .notASetting: "expected key = value, a [section] or a # comment"
        case .settingOutsideSection: "a setting before any [section]"
        case .strayIndentedLine: "an indented line that continues no setting (indented lines belong under `key =`)"
        }
        return "\(path), line \(line): \(what)"
    }
}
