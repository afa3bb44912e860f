import AWSCore
import CivilTime
import HTTPCore

/// Everything a kind's calls share in one (account, region): the account's clients, the per-service gates,
/// the call count, the report month and the clock. Every call of a listing goes through here, so each is
/// gated and counted once.
struct ListingContext: Sendable {
    let account: InventoryAccount
    let region: String
    let gates: CallGates
    let counter: CallCounter
    let month: ReportMonth
    let pageSize: Int?
    let now: Instant
    let sleeper: any RetrySleeper

    func client(_ api: ServiceAPI, region: String? = nil) throws -> ServiceClient {
        try account.serviceClient(api, region: region ?? self.region)
    }

    func send(_ client: ServiceClient, _ operation: AWSOperation, _ input: OperationInput) async throws -> AWSValue {
        let gate = gates.gate(account: account.accountID, region: client.configuration.region, service: client.configuration.service.serviceID)
        counter.add()
        return try await gate.run { try await client.send(operation, input) }
    }

    /// Every page of a call, in order; one gate slot for the whole walk, since a page needs the last one's token.
    func pages(_ client: ServiceClient, _ operation: AWSOperation, _ input: OperationInput, paging: Paging?) async throws -> [AWSValue] {
        guard let paging else { return [try await send(client, operation, input)] }
        let gate = gates.gate(account: account.accountID, region: client.configuration.region, service: client.configuration.service.serviceID)
        let counter = counter
        let pageSize = paging.pageSize(requested: pageSize)
        return try await gate.run {
            var pages: [AWSValue] = []
            try await client.forEachPage(operation, input, paginator: paging.paginator, pageSize: pageSize) { page in
                counter.add()
                pages.append(page)
            }
            return pages
        }
    }
}
