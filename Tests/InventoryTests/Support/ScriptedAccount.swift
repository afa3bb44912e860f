import Foundation
import AWSCore
import CivilTime
import HTTPCore
import NIOHTTP1
import TestSupport
@testable import Inventory

/// An account whose every call is answered by a router: the operation (from `X-Amz-Target`, the form's
/// `Action` or the REST path) and the request decide the answer, so concurrent detail calls need no order.
enum ScriptedAccount {
    static let now = Instant(epochSeconds: 1_788_000_000)

    static func make(_ route: @escaping @Sendable (ScriptedCall) -> HTTPResponse, regions: [String] = ["ap-northeast-2"]) -> (InventoryAccount, ScriptedTransport) {
        let transport = ScriptedTransport(fallback: ScriptedTransport.Answer { request in route(ScriptedCall(request)) })
        let client = AWSClient(
            credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "secret")), transport: transport)
        let account = InventoryAccount(
            profile: "test", accountID: "123456789012", regions: regions, client: client,
            environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:9"])
        return (account, transport)
    }

    static func context(_ account: InventoryAccount, month: ReportMonth = ReportMonth(year: 2026, month: 8)!, pageSize: Int? = nil) -> ListingContext {
        ListingContext(
            account: account, region: account.regions[0], gates: CallGates(limit: 4), counter: CallCounter(), month: month,
            pageSize: pageSize, now: now, sleeper: RecordingSleeper())
    }

    static func xml(_ body: String) -> HTTPResponse {
        HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "text/xml")]), body: Array(body.utf8))
    }

    static func json(_ body: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/x-amz-json-1.1")]), body: Array(body.utf8))
    }
}

/// One request as a router sees it.
struct ScriptedCall: Sendable {
    let request: HTTPRequest

    init(_ request: HTTPRequest) {
        self.request = request
    }

    /// The body as text, JSON's optional `\/` read as `/`.
    var body: String { String(decoding: request.body, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/") }

    /// `DescribeTable` from `X-Amz-Target: DynamoDB_20120810.DescribeTable`, or the form's `Action`.
    var operation: String {
        if let target = request.headers.first(name: "X-Amz-Target") { return String(target.split(separator: ".").last ?? "") }
        return parameter("Action") ?? ""
    }

    /// A form (or query-string) parameter, decoded.
    func parameter(_ name: String) -> String? {
        let query = request.url.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        for pair in (body + "&" + query).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, parts[0] == name { return String(parts[1]).removingPercentEncoding ?? String(parts[1]) }
        }
        return nil
    }
}
