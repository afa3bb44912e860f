import ArgumentParser
import CivilTime
import HTTPCore
import Inventory

/// `opsdaily inventory`'s own options (SPEC §13.1), validated before any call is made.
public struct InventoryOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp("The cost month, YYYY-MM. Default: the last full month.", valueName: "YYYY-MM"))
    public var month: String?

    @Option(help: ArgumentHelp("Directory the outputs are written to (created if missing).", valueName: "dir"))
    public var out: String = "."

    @Option(help: ArgumentHelp("Outputs, comma separated: xlsx, html, csv, json.", valueName: "list"))
    public var format: String = "xlsx,html,json"

    @Option(name: .customLong("exchange-rate"), help: ArgumentHelp("Adds a converted cost column, e.g. KRW=1385.20 (formulas on one rate cell).", valueName: "CODE=rate"))
    public var exchangeRate: String?

    @Option(help: ArgumentHelp("Name in the file names and titles. Default: the profiles joined with +.", valueName: "name"))
    public var label: String?

    @Option(help: ArgumentHelp("Only these kinds, comma separated (ids as in the JSON output, e.g. ec2-instances,s3-buckets).", valueName: "kinds"))
    public var only: String?

    @Option(name: .customLong("page-size"), help: ArgumentHelp("Items per page where an API takes a size, brought into its range. Default: each API's largest.", valueName: "n"))
    public var pageSize: Int?

    @Option(name: .customLong("calls-per-service"), help: ArgumentHelp("Concurrent calls to one service of one account.", valueName: "n"))
    public var callsPerService: Int = 8

    @Flag(name: .customLong("no-cost"), help: "Skip Cost Explorer (each of its requests is billed).")
    public var noCost = false

    public init() {}

    public mutating func validate() throws {
        if let month, ReportMonth(parsing: month) == nil { throw ValidationError("--month \"\(month.prefix(20))\" is not a month such as 2026-08") }
        _ = try outputs()
        if let exchangeRate, ExchangeRate(parsing: exchangeRate) == nil {
            throw ValidationError("--exchange-rate \"\(exchangeRate.prefix(30))\" is not CODE=rate, e.g. KRW=1385.20")
        }
        if let label, !Self.isFileNameSafe(label) {
            throw ValidationError("--label may use letters, digits, '.', '_', '-' and '+' (at most 64)")
        }
        _ = try kinds()
        if let pageSize, !(1...10_000).contains(pageSize) { throw ValidationError("--page-size must be 1 to 10000") }
        if !(1...32).contains(callsPerService) { throw ValidationError("--calls-per-service must be 1 to 32") }
        if out.isEmpty || out.utf8.count > 1_024 || out.contains("\0") { throw ValidationError("--out is not a directory path") }
    }

    public func outputs() throws -> Set<FileFormat> {
        try FileFormat.parse(format)
    }

    public func kinds() throws -> [ResourceKind] {
        guard let only else { return Catalogue.kinds }
        let ids = only.split(separator: ",").map { String($0.trimmedWhitespace) }.filter { !$0.isEmpty }
        let (kinds, unknown) = Catalogue.kinds(withIDs: ids)
        if !unknown.isEmpty {
            throw ValidationError("--only: unknown kind \(unknown.prefix(3).map { "\"\($0.prefix(40))\"" }.joined(separator: ", ")); known: "
                + Catalogue.kinds.map(\.id).joined(separator: ", "))
        }
        if kinds.isEmpty { throw ValidationError("--only names no kind") }
        return kinds
    }

    public func reportMonth(now: Instant) -> ReportMonth {
        month.flatMap { ReportMonth(parsing: $0) } ?? .lastFull(before: now)
    }

    public func reportLabel(profiles: [String]) -> String {
        if let label { return label }
        let joined = profiles.isEmpty ? "default" : profiles.joined(separator: "+")
        return String(joined.map { Self.isSafe($0) ? $0 : "_" }.prefix(64))
    }

    static func isFileNameSafe(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64 && text.allSatisfy(isSafe) && text != "." && text != ".."
    }

    private static func isSafe(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "." || character == "_" || character == "-" || character == "+")
    }
}
