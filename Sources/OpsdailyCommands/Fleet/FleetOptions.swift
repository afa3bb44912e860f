import ArgumentParser

/// What `tags` and `autorecovery` share: where the report files go and the listings' page size.
public struct FleetOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp("Directory the report files are written to (created if missing). Default: no files.", valueName: "dir"))
    public var out: String?

    @Option(help: ArgumentHelp("Files written with --out, comma separated: xlsx, csv, html.", valueName: "list"))
    public var format: String = "xlsx,csv,html"

    @Option(name: .customLong("page-size"), help: ArgumentHelp("Items per page of the listings, brought into each API's range. Default: the largest.", valueName: "n"))
    public var pageSize: Int?

    public init() {}

    public mutating func validate() throws {
        _ = try formats()
        if let out, out.isEmpty || out.utf8.count > 1_024 || out.contains("\0") { throw ValidationError("--out is not a directory path") }
        if let pageSize, !(1...1_000).contains(pageSize) { throw ValidationError("--page-size must be 1 to 1000") }
    }

    func formats() throws -> Set<FileFormat> {
        try FileFormat.parse(format, allowed: [.xlsx, .csv, .html])
    }
}
