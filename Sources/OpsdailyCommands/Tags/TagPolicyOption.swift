#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import Fleet

/// `--policy FILE`: read and checked in `validate()`, so a broken policy is a usage error before any call.
public struct TagPolicyOption: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp("The tag policy (YAML or JSON), e.g. policies/tags-cloud-z.yaml.", valueName: "file"))
    public var policy: String

    public init() {}

    public mutating func validate() throws {
        _ = try load()
    }

    func load() throws -> TagPolicy {
        try Self.load(policy)
    }

    /// The policy at `policy`, or a usage error saying what is wrong with the file.
    static func load(_ policy: String) throws -> TagPolicy {
        guard let bytes = FileManager.default.contents(atPath: policy) else {
            throw ValidationError("--policy \(policy.prefix(200)): cannot read the file")
        }
        guard bytes.count <= PolicyDocument.maximumSize else {
            throw ValidationError("--policy \(policy.prefix(200)): \(bytes.count) bytes, more than a policy file holds (\(PolicyDocument.maximumSize))")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw ValidationError("--policy \(policy.prefix(200)): not UTF-8 text") }
        do {
            return try TagPolicy.read(text: text, name: String(policy.split(separator: "/").last ?? ""))
        } catch {
            throw ValidationError("--policy \(String(describing: error))")
        }
    }
}
