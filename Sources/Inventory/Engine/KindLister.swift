import AWSCore

/// Lists one kind in one (account, region) by interpreting its catalogue entry: every page of the list
/// call, the detail calls, the enrichment, the expansions, then one `ResourceRow` per row.
struct KindLister: Sendable {
    let kind: ResourceKind
    let context: ListingContext

    /// What a listing produced besides its rows: detail calls that failed, by error code (a key whose policy
    /// denies `DescribeKey` is still listed, with what the list call said).
    struct Outcome: Sendable {
        var rows: [ResourceRow]
        var detailFailures: [String: Int]
    }

    func list() async throws -> Outcome {
        let client = try context.client(kind.api)
        var failures: [String: Int] = [:]
        var items = try await listedItems(client)
        if let detail = kind.listing.detail {
            items = try await describe(items, detail, client, failures: &failures)
        }
        var rows = items.map(\.row)
        switch kind.listing.enrichment {
        case .iamCredentialReport?:
            rows = try await CredentialReport.join(rows, client: client, context: context, failures: &failures)
        case .s3BucketFacts?:
            rows = try await BucketFacts.join(rows, context: context, failures: &failures)
        case nil:
            break
        }
        for expansion in kind.listing.expansions {
            rows = rows.flatMap { Self.expand($0, expansion) }
        }
        let region = kind.reach.isGlobal ? "global" : context.region
        return Outcome(
            rows: rows.map { row in
                ResourceRow(account: context.account.accountID, region: region, cells: kind.columns.map { CellReader.cell($0, in: row) })
            },
            detailFailures: failures)
    }

    /// An item as listed (what a batch describe sends back) and the row it starts.
    struct Item: Sendable {
        let listed: AWSValue
        var row: AWSValue
    }

    private func listedItems(_ client: ServiceClient) async throws -> [Item] {
        let listing = kind.listing
        let input = InputBuilder(wireProtocol: kind.api.wireProtocol, operation: listing.operation, month: context.month).input(listing.input)
        let pages = try await context.pages(client, listing.operation, input, paging: listing.paging)
        return pages.flatMap { page in
            listing.items.flatMap { source in
                page.values(at: source.path).map { listed in
                    var members = Self.members(of: listed)
                    if let label = source.label { members.append(AWSValue.Member("Source", .string(label))) }
                    return Item(listed: listed, row: .structure(members))
                }
            }
        }
    }

    /// A structure's members; anything else (a table name, a queue URL) as the member `Listed`.
    static func members(of value: AWSValue) -> [AWSValue.Member] {
        if case .structure(let members) = value { return members }
        return [AWSValue.Member("Listed", value)]
    }

    private func describe(_ items: [Item], _ detail: DetailCall, _ client: ServiceClient, failures: inout [String: Int]) async throws -> [Item] {
        let builder = InputBuilder(wireProtocol: kind.api.wireProtocol, operation: detail.operation, month: context.month)
        if let batchSize = detail.batchSize {
            var described: [Item] = []
            for start in stride(from: 0, to: items.count, by: batchSize) {
                let batch = items[start..<min(start + batchSize, items.count)].map(\.listed)
                let answer = try await context.send(client, detail.operation, builder.input(detail.input, batch: batch))
                described += answer.values(at: detail.result).map { Item(listed: $0, row: .structure(Self.members(of: $0))) }
            }
            return described
        }
        let context = context
        let results = await withTaskGroup(of: (Int, Result<[AWSValue], any Error>).self) { group in
            for (index, item) in items.enumerated() {
                group.addTask {
                    let input = builder.input(detail.input, item: item.listed)
                    let result = await Result(catching: {
                        try await context.pages(client, detail.operation, input, paging: detail.paging).flatMap { $0.values(at: detail.result) }
                    })
                    return (index, result)
                }
            }
            var results: [Int: Result<[AWSValue], any Error>] = [:]
            for await (index, result) in group { results[index] = result }
            return results
        }
        return items.enumerated().map { index, item in
            switch results[index] ?? .failure(CancellationError()) {
            case .success(let values):
                return Item(listed: item.listed, row: Self.join(values, into: item.row, merge: detail.merge))
            case .failure(let error):
                failures[Coverage.code(of: error), default: 0] += 1
                return item
            }
        }
    }

    static func join(_ values: [AWSValue], into row: AWSValue, merge: DetailCall.Merge) -> AWSValue {
        let existing = members(of: row)
        switch merge {
        case .members, .rows:
            guard let described = values.first, case .structure(let added) = described else { return row }
            return .structure(added + existing)
        case .list(let name):
            return .structure(existing + [AWSValue.Member(name, .list(values))])
        }
    }

    static func expand(_ row: AWSValue, _ expansion: Expansion) -> [AWSValue] {
        let existing = members(of: row)
        let expanded = expansion.branches.flatMap { branch in
            row.values(at: branch.path).map { element in
                AWSValue.structure(existing + [
                    AWSValue.Member(expansion.name, element), AWSValue.Member(expansion.name + "Kind", .string(branch.label)),
                ])
            }
        }
        return expanded.isEmpty ? [row] : expanded
    }
}

extension Result where Failure == any Error {
    /// `Result(catching:)` for async work: one task group's outcomes kept apart, so one failure ends nothing else.
    package init(catching body: () async throws -> Success) async {
        do {
            self = .success(try await body())
        } catch {
            self = .failure(error)
        }
    }
}
