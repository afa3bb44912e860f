#if canImport(Glibc)
import Glibc
#endif
import CivilTime
import AWSCore
import AsyncHTTPClientSupport
import FoundationEssentials
import HTTPCore
import Logging
import OpsCore

// The notification's own work on a storm, without network: digest of the window and the day, alert report,
// Slack message (`compute N`); and the storm stored into a local DynamoDB as collection stores it, for the
// end-to-end run (`seed N`). The storm: 400 monitors, each alternating trigger and recovery, one
// notification every 2.34 s from 2026-11-24 11:00Z (the 09:00 Seoul slot's window). Prints JSON.

let zone = try ZoneRules.named("Asia/Seoul")
let parser = AlertParser(retentionDays: 400) { zone.localDate(at: Instant(epochMilliseconds: $0)).description }
let windowStart: Int64 = 1_795_518_000_000

/// The same storm `scripts/bench/python/baseline_digest.py` generates.
func stormBody(_ n: Int) -> [UInt8] {
    let monitor = 10_000 + n % 400
    let priority = n % 5 + 1
    let transition = n % 800 < 400 ? "Triggered" : "Recovered"
    let time = windowStart + Int64(n) * 2_340
    return Array("""
        {"id":"s\(n)","monitor_id":"\(monitor)","transition":"\(transition)","alert_type":"error","priority":"P\(priority)",\
        "alert_title":"[P\(priority)] Storm <\(n % 400)>","event_title":"[\(transition)] [P\(priority)] Storm <\(n % 400)>",\
        "scope":"host:s\(n % 400)","metric":"system.cpu.user","query":"avg(last_5m):avg:system.cpu.user{team:argos} by {host} > 80",\
        "event_type":"query_alert_monitor","date":"\(time)","last_updated":"\(time)","tags":"monitor, team:argos, env:prd",\
        "link":"https://app.datadoghq.com/monitors/\(monitor)","org_id":"123456","org_name":"Argos","text_only_msg":"storm"}
        """.utf8)
}

func storm(_ count: Int) throws -> [Alert] {
    try (0..<count).map { try parser.parse(body: stormBody($0), receivedAt: windowStart + Int64($0) * 2_340) }
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    var start = timespec()
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    try body()
    clock_gettime(CLOCK_MONOTONIC, &end)
    return Double(end.tv_sec - start.tv_sec) * 1e3 + Double(end.tv_nsec - start.tv_nsec) / 1e6
}

func maxRSSKilobytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss
}

func compute(_ count: Int) throws -> [String: Double] {
    let slots = try CheckSlots(parsing: "09:00,20:00", zone: zone)
    let slot = slots.slot(forScheduled: Instant(epochMilliseconds: 1_795_565_100_000))
    let window = slots.window(of: slot)
    let day = TimeWindow(start: zone.startOfDay(slot.date), end: slot.instant)
    let alerts = try storm(count)
    var runs: [(digest: Double, report: Double, message: Double, bytes: Int)] = []
    for _ in 0..<5 {
        var summary: NotificationSummary!
        let digest = milliseconds {
            let windowDigest = AlertDigest(alerts: alerts, window: window)
            summary = NotificationSummary(
                slot: slot, window: window, day: day, windowDigest: windowDigest, dayDigest: AlertDigest(alerts: alerts, window: day),
                trend: AlertTrend(current: windowDigest.total, previous: 0), alerts: alerts,
                checkRun: CheckRunSummary(slotID: slot.id, record: nil, notOK: []))
        }
        var html = ""
        let report = milliseconds { html = AlertReport(systemName: "Argos", zone: zone).render(summary) }
        let message = milliseconds {
            _ = DigestMessage(systemName: "Argos", zone: zone).build(summary, alertReport: nil, checkReport: nil)
        }
        runs.append((digest, report, message, html.utf8.count))
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    return [
        "alerts": Double(count), "digestMs": median(runs.map(\.digest)), "reportMs": median(runs.map(\.report)),
        "messageMs": median(runs.map(\.message)), "totalMs": median(runs.map { $0.digest + $0.report + $0.message }),
        "reportBytes": Double(runs[0].bytes), "maxRSSKB": Double(maxRSSKilobytes()),
    ]
}

func seed(_ count: Int, table: String) async throws {
    let environment = ProcessInfo.processInfo.environment
    let transport = AsyncHTTPClientTransport()
    let client = DynamoDBClient(
        client: AWSClient(credentials: EnvironmentCredentialProvider(environment: environment), transport: transport),
        configuration: try AWSServiceConfiguration.resolve(.dynamoDB, environment: environment))
    try await client.batchWriteItem([table: try storm(count).map { .put(item: try client.encoder.encode($0)) }])
    try await transport.shutdown()
}

let arguments = CommandLine.arguments.dropFirst()
let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 20_000
switch arguments.first {
case "compute":
    let figures = try compute(count)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    print(String(decoding: try encoder.encode(figures), as: UTF8.self))
case "seed":
    guard let table = arguments.dropFirst(2).first else { fatalError("usage: digest-bench seed N TABLE") }
    try await seed(count, table: table)
    print(#"{"seeded": \#(count)}"#)
default:
    fatalError("usage: digest-bench compute N | seed N TABLE")
}
