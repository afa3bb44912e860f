import AWSCore

/// Reads one account's cost for the report month and the month before: every page of one request.
public struct CostExplorerReader: Sendable {
    static let paging = Paginator(inputToken: "NextPageToken", outputToken: "NextPageToken", resultKeys: [])

    public let client: ServiceClient

    public init(client: ServiceClient) {
        self.client = client
    }

    public struct Answer: Sendable {
        public let query: CostQuery
        public let lines: [CostLine]
        public let pages: Int
    }

    public func read(_ query: CostQuery) async throws -> Answer {
        var lines: [CostLine] = []
        var pages = 0
        try await client.forEachPage(CostQuery.operation, query.input(), paginator: Self.paging) { page in
            pages += 1
            lines += try CostLine.lines(of: page, account: query.accountID)
        }
        return Answer(query: query, lines: lines, pages: pages)
    }
}
