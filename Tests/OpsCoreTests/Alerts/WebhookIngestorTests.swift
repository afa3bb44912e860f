import Foundation
import Logging
import OpsCore
import Testing
import TestSupport

/// SPEC §5's rules, in process, with an in-memory table.
@Suite struct WebhookIngestorTests {
    static let token = "s3cr3t-token-value"
    let store = InMemoryAlertStore()
    let logger = Logger(label: "test")

    func ingestor(secretJSON: String = #"{"token":"s3cr3t-token-value"}"#) -> WebhookIngestor {
        WebhookIngestor(
            parser: AlertParser(retentionDays: 400) { _ in "2026-11-25" },
            store: store,
            tokenHeader: "X-Ops-Webhook-Token",
            token: SecretReference(source: .secret(id: "webhook", field: "token")),
            secrets: StaticSecrets(values: ["webhook": secretJSON]),
            now: { 1_764_031_000_000 }
        )
    }

    static func request(
        body: String?, method: String = "POST", token: String? = WebhookIngestorTests.token, base64: Bool = false
    ) -> FunctionURLRequest {
        var headers = ["content-type": "application/json"]
        if let token { headers["x-ops-webhook-token"] = token }
        return FunctionURLRequest(
            version: "2.0",
            requestContext: .init(http: .init(method: method, path: "/", sourceIp: "203.0.113.9"), requestId: "r", timeEpoch: 0),
            headers: headers,
            body: base64 ? body.map { Data($0.utf8).base64EncodedString() } : body,
            isBase64Encoded: base64
        )
    }

    func reply(_ response: FunctionURLResponse) throws -> WebhookReply {
        try JSONDecoder().decode(WebhookReply.self, from: Data(response.body.utf8))
    }

    @Test func aValidWebhookIsStoredAndAnsweredWithItsID() async throws {
        let response = await ingestor().ingest(Self.request(body: #"{"id":"7147706474715013118","date":"1764030600000","transition":"Triggered"}"#), logger: logger)
        #expect(response.statusCode == 200)
        #expect(response.headers["content-type"] == "application/json")
        #expect(try reply(response) == WebhookReply(status: .stored, id: "7147706474715013118"))
        #expect(await store.alerts.count == 1)
    }

    @Test func aRedeliveredEventIsStoredOnceAndStillAnswered200() async throws {
        let body = #"{"id":"42","date":"1764030600000","transition":"Triggered"}"#
        for attempt in 0..<5 {
            let response = await ingestor().ingest(Self.request(body: body), logger: logger)
            #expect(response.statusCode == 200)
            #expect(try reply(response).status == (attempt == 0 ? .stored : .duplicate))
        }
        #expect(await store.alerts.count == 1)
    }

    @Test(arguments: [nil, "", "wrong", "s3cr3t-token-valu", "s3cr3t-token-value ", "S3CR3T-TOKEN-VALUE"])
    func aMissingOrWrongTokenIs401(token: String?) async throws {
        let response = await ingestor().ingest(Self.request(body: #"{"id":"1"}"#, token: token), logger: logger)
        #expect(response.statusCode == 401)
        #expect(await store.alerts.isEmpty)
    }

    @Test(arguments: ["GET", "PUT", "DELETE", "get"])
    func otherMethodsAre405(method: String) async throws {
        let response = await ingestor().ingest(Self.request(body: #"{"id":"1"}"#, method: method), logger: logger)
        #expect(response.statusCode == 405)
        #expect(response.headers["allow"] == "POST")
    }

    @Test func bodiesOver256KiBAre413EvenBase64Encoded() async throws {
        let large = #"{"id":"1","text_only_msg":""# + String(repeating: "x", count: 262_144) + #""}"#
        #expect(await ingestor().ingest(Self.request(body: large), logger: logger).statusCode == 413)
        #expect(await ingestor().ingest(Self.request(body: large, base64: true), logger: logger).statusCode == 413)
        let justFits = #"{"id":"2","text_only_msg":""# + String(repeating: "x", count: 262_100) + #""}"#
        #expect(await ingestor().ingest(Self.request(body: justFits, base64: true), logger: logger).statusCode == 200)
    }

    @Test func base64BodiesAreDecoded() async throws {
        let response = await ingestor().ingest(Self.request(body: #"{"id":"b64","alert_title":"서울 <b>"}"#, base64: true), logger: logger)
        #expect(response.statusCode == 200)
        #expect(await store.alerts["EVENT#b64"]?.title == "서울 <b>")
        let invalid = FunctionURLRequest(
            version: "2.0", requestContext: .init(http: .init(method: "POST")), headers: ["x-ops-webhook-token": Self.token],
            body: "%%%not base64%%%", isBase64Encoded: true)
        #expect(await ingestor().ingest(invalid, logger: logger).statusCode == 400)
    }

    @Test func onlyNonJSONIs400AndIncompleteJSONIsStoredFlagged() async throws {
        let notJSON = await ingestor().ingest(Self.request(body: "<html>oops</html>"), logger: logger)
        #expect(notJSON.statusCode == 400)
        #expect(try reply(notJSON).reason?.contains("not JSON") == true)
        let empty = await ingestor().ingest(Self.request(body: nil), logger: logger)
        #expect(empty.statusCode == 400)
        let incomplete = await ingestor().ingest(Self.request(body: #"{"alert_title":"no id, no date"}"#), logger: logger)
        #expect(incomplete.statusCode == 200)
        let flags = try reply(incomplete).flags ?? []
        #expect(flags.contains("missing_id") && flags.contains("missing_date"))
    }

    @Test func storageFailureIs503SoDatadogRetries() async throws {
        await store.setFailing(true)
        let response = await ingestor().ingest(Self.request(body: #"{"id":"1"}"#), logger: logger)
        #expect(response.statusCode == 503)
        #expect(response.headers["retry-after"] != nil)
        await store.setFailing(false)
        #expect(await ingestor().ingest(Self.request(body: #"{"id":"1"}"#), logger: logger).statusCode == 200)
    }

    @Test(arguments: ["not json", #"{"other":"field"}"#, #"{"token":""}"#])
    func anUnreadableTokenSecretIs503NotAnOpenDoor(secret: String) async throws {
        let response = await ingestor(secretJSON: secret).ingest(Self.request(body: #"{"id":"1"}"#, token: ""), logger: logger)
        #expect(response.statusCode == 503)
        #expect(await store.alerts.isEmpty)
    }
}
