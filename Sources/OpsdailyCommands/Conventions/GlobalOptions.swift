import ArgumentParser

/// What every subcommand takes (SPEC §13.0): the accounts (profiles) and regions to run over, the output
/// format and quiet progress.
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("profile"), help: ArgumentHelp("An AWS profile of the shared config files (repeatable: one run over several accounts).", valueName: "name"))
    public var profiles: [String] = []

    @Option(name: .customLong("region"), help: ArgumentHelp("A region (repeatable). Default: the profile's, else AWS_REGION.", valueName: "region"))
    public var regions: [String] = []

    @Option(help: "text for people, json for machines.")
    public var output: OutputFormat = .text

    @Flag(help: "No progress on stderr.")
    public var quiet = false

    public init() {}

    public mutating func validate() throws {
        for profile in profiles where profile.isEmpty || profile.count > 128 || profile.contains(where: { $0.isNewline || $0 == "[" || $0 == "]" }) {
            throw ValidationError("--profile \"\(profile.prefix(40))\" is not a profile name")
        }
        for region in regions where !Self.isRegionName(region) {
            throw ValidationError("--region \"\(region.prefix(40))\" is not a region name (e.g. ap-northeast-2)")
        }
        if Set(profiles).count != profiles.count { throw ValidationError("a --profile is given twice") }
        if Set(regions).count != regions.count { throw ValidationError("a --region is given twice") }
    }

    /// `ap-northeast-2`, `us-gov-west-1`, `cn-north-1`: lower-case words and a number, joined by hyphens.
    static func isRegionName(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (3...5).contains(parts.count), let last = parts.last, Int(last) != nil, text.count <= 32 else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLowercase } }
    }
}
