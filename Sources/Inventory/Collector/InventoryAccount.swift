import AWSCore

/// One account of the run: who answered for it, the regions to list, and how to reach any service there.
/// Endpoints follow `AWS_ENDPOINT_URL[_<SERVICE>]` as everywhere else.
public struct InventoryAccount: Sendable {
    /// The profile as the operator named it (`(default chain)` without one).
    public let profile: String
    public let accountID: String
    public let regions: [String]
    let client: AWSClient
    let environment: [String: String]

    public init(profile: String, accountID: String, regions: [String], client: AWSClient, environment: [String: String]) {
        precondition(!regions.isEmpty, "an account is listed in at least one region")
        self.profile = profile
        self.accountID = accountID
        self.regions = regions
        self.client = client
        self.environment = environment
    }

    func serviceClient(_ api: ServiceAPI, region: String) throws -> ServiceClient {
        try ServiceClient(client: client, service: api.service, region: region, environment: environment, timeout: .seconds(30), wireProtocol: api.wireProtocol)
    }

    /// Where a kind is called: every region of the run, or once (the pinned region, else the first).
    func regions(for reach: ResourceKind.Reach) -> [String] {
        switch reach {
        case .regional: return regions
        case .global(let pinned): return [pinned ?? regions[0]]
        }
    }
}
