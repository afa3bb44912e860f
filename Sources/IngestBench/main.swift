#if canImport(Glibc)
import Glibc
#endif
import CivilTime
import AWSCore
import FoundationEssentials
import HTTPCore
import JSONCoding
import Logging
import OpsCore

// The collection handler's own CPU time per event, without network: decode the Function URL event, check
// the token, parse the webhook, encode the DynamoDB PutItem request body, encode the reply. Prints JSON.

/// Does everything the DynamoDB store does before the network: attribute-encode the alert and serialise
/// the PutItem body.
struct EncodingOnlyStore: AlertStore {
    func store(_ alert: Alert) async throws -> AlertStoreOutcome {
        let item = try AttributeValueEncoder().encode(alert)
        let body = try JSONEncoder().encode(["TableName": AttributeValue.s("alerts"), "Item": .m(item)])
        return body.isEmpty ? .duplicate : .stored
    }
}

func cpuMicroseconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) * 1e6 + Double(spec.tv_nsec) / 1e3
}

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 20_000 : 20_000
let zone = try ZoneRules.named("Asia/Seoul")
let ingestor = WebhookIngestor(
    parser: AlertParser(retentionDays: 400) { zone.localDate(at: Instant(epochMilliseconds: $0)).description },
    store: EncodingOnlyStore(),
    tokenHeader: "X-Ops-Webhook-Token",
    token: SecretReference(source: .direct("bench-token")),
    secrets: NoSecrets(),
    now: { 1_795_480_300_000 }
)
struct NoSecrets: SecretSource {
    func secretString(id: String) async throws -> String { "" }
}

func event(_ index: Int) -> [UInt8] {
    let body = """
        {"id":"\(7_000_000_000_000_000_000 + index)","monitor_id":"126239710","alert_cycle_key":"7147706474715000001",\
        "transition":"Triggered","alert_type":"error","priority":"P2",\
        "alert_title":"[P2][DB] Aurora MySQL CPU too high on dbinstanceidentifier:argos-prd-1",\
        "event_title":"[Triggered] [P2][DB] Aurora MySQL CPU too high","scope":"dbinstanceidentifier:argos-prd-1",\
        "metric":"aws.rds.cpuutilization","query":"avg(last_5m):avg:aws.rds.cpuutilization{team:argos} by {dbinstanceidentifier} > 80",\
        "event_type":"query_alert_monitor","date":"\(1_795_480_200_000 + index * 1000)","last_updated":"1795480190000",\
        "tags":"monitor, team:argos, monitor:DB-MySQL-CPU-TooHigh-01, env:prd","link":"https://app.datadoghq.com/monitors/126239710",\
        "org_id":"123456","org_name":"Argos Operations","text_only_msg":"CPU above 80% for 5 minutes."}
        """
    let request: [String: AnyEncodable] = [
        "version": AnyEncodable("2.0"),
        "headers": AnyEncodable(["content-type": "application/json", "x-ops-webhook-token": "bench-token"]),
        "requestContext": AnyEncodable(["http": ["method": "POST", "path": "/"]]),
        "body": AnyEncodable(body),
        "isBase64Encoded": AnyEncodable(false),
    ]
    return Array(try! JSONEncoder().encode(request))
}

struct AnyEncodable: Encodable {
    let encodeValue: (any Encoder) throws -> Void
    init<T: Encodable>(_ value: T) { encodeValue = value.encode }
    func encode(to encoder: any Encoder) throws { try encodeValue(encoder) }
}

let events = (0..<count).map(event)
let logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
var stored = 0
for warmup in events.prefix(500) {
    let request = try JSONDecoder().decode(FunctionURLRequest.self, from: Data(warmup))
    _ = await ingestor.ingest(request, logger: logger)
}
let startCPU = cpuMicroseconds()
let startWall = ContinuousClock.now
for bytes in events {
    let request = try JSONDecoding().decode(FunctionURLRequest.self, from: bytes)
    let response = await ingestor.ingest(request, logger: logger)
    if response.statusCode == 200 { stored += 1 }
    _ = try JSONEncoding().encode(response)
}
let cpu = cpuMicroseconds() - startCPU
let wall = ContinuousClock.now - startWall
let wallMicroseconds = Double(wall.components.seconds) * 1e6 + Double(wall.components.attoseconds) / 1e12
print("{\"events\":\(count),\"stored\":\(stored),\"cpuUsPerEvent\":\(cpu / Double(count)),\"wallUsPerEvent\":\(wallMicroseconds / Double(count))}")
