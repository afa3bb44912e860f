import Foundation
import Logging
import OpsCore
import Testing
import TestSupport

/// Throws generated malformed and hostile bodies at the webhook: it must never crash, never answer 5xx for
/// bad input, and must store every JSON body or refuse it with a precise 4xx.
@Suite struct WebhookFuzzTests {
    static let cases = 12_000

    static let hostileStrings = [
        "<script>alert(1)</script>", "<!channel>", "<@U123>", "&amp;&lt;", "'; DROP TABLE alerts; --", "$ID", "$DATE",
        "\u{0000}", "\u{202E}evil", "서버 경보 🚨", String(repeating: "A", count: 20_000), "\\", "\"", "\n\r\t",
        "9999999999999999999999999", "-1", "1e308", "NaN", "null", "",
    ]

    static func body(_ random: inout SeededRandom, index: Int) -> [UInt8] {
        let fields = WebhookField.allCases.map(\.rawValue) + ["unexpected", "id "]
        switch index % 8 {
        case 0:  // random bytes, including invalid UTF-8
            return (0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        case 1:  // truncated valid payloads
            let full = Array(#"{"id":"123","date":"1764030600000","alert_title":"[P1][DB] x","tags":"a,b"}"#.utf8)
            return Array(full.prefix(Int.random(in: 0..<full.count, using: &random)))
        case 2:  // deep nesting
            let depth = Int.random(in: 1...1_500, using: &random)
            return Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
        case 3:  // wrong types for known fields
            let value = ["1", "true", "null", "[]", "{}", "[\"a\"]", "{\"x\":{\"y\":1}}", "1.5e3", "-0"].randomElement(using: &random)!
            return Array("{\"\(fields.randomElement(using: &random)!)\":\(value)}".utf8)
        default:  // objects of hostile strings in random fields
            var object: [String: Any] = [:]
            for _ in 0..<Int.random(in: 0...8, using: &random) {
                object[fields.randomElement(using: &random)!] = hostileStrings.randomElement(using: &random)!
            }
            return Array((try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8))
        }
    }

    @Test func generatedBadInputNeverCrashesNorAnswers5xx() async throws {
        let store = InMemoryAlertStore()
        let ingestor = WebhookIngestor(
            parser: AlertParser(retentionDays: 400) { _ in "2026-11-25" },
            store: store,
            tokenHeader: "x-ops-webhook-token",
            token: SecretReference(source: .direct("t")),
            secrets: StaticSecrets(values: [:]),
            now: { 1_764_031_000_000 }
        )
        var random = SeededRandom(seed: 20261125)
        var statuses: [Int: Int] = [:]
        var expectedStored = Set<String>()
        for index in 0..<Self.cases {
            let bytes = Self.body(&random, index: index)
            let text = String(decoding: bytes, as: UTF8.self)
            var request = WebhookIngestorTests.request(body: text, token: "t")
            // Invalid UTF-8 can only arrive base64-encoded: Lambda encodes binary bodies.
            if String(validating: bytes, as: UTF8.self) == nil {
                request.body = Data(bytes).base64EncodedString()
                request.isBase64Encoded = true
            }
            let response = await ingestor.ingest(request, logger: Logger(label: "fuzz", factory: { _ in SwiftLogNoOpLogHandler() }))
            statuses[response.statusCode, default: 0] += 1
            let isJSON = (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
            if response.statusCode == 200 {
                let reply = try JSONDecoder().decode(WebhookReply.self, from: Data(response.body.utf8))
                expectedStored.insert(try #require(reply.id))
            } else {
                #expect([400, 413].contains(response.statusCode), "case \(index): \(response.statusCode) \(response.body)")
                #expect(!isJSON || response.statusCode == 413, "case \(index): JSON refused: \(text.prefix(80))")
            }
        }
        let stored = await store.alerts
        #expect(Set(stored.values.map(\.eventID)) == expectedStored, "every 200 must be in the table")
        #expect(statuses.keys.allSatisfy { $0 < 500 })
        print("fuzz: \(Self.cases) bodies, answers by status \(statuses.sorted { $0.key < $1.key }), \(stored.count) distinct alerts stored")
    }
}
