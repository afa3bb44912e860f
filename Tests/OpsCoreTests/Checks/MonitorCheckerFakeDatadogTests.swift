import AWSCore
import CivilTime
import Foundation
import HTTPCore
import OpsCore
import TestSupport
import Testing

/// The whole check pass over HTTP against `scripts/fakes/fake_datadog.py` with the catalogue and the default
/// scenario (44 P1/P2 `team:argos` monitors among 79, plus other teams' monitors).
@Suite(.serialized) struct MonitorCheckerFakeDatadogTests {
    static let catalogueLabels: Set<String> = {
        struct Catalogue: Decodable {
            struct Entry: Decodable { var key: String; var priority: Int }
            var monitors: [Entry]
        }
        let url = RepositoryPaths.root.appendingPathComponent("terraform/datadog/monitors.json")
        let catalogue = try! JSONDecoder().decode(Catalogue.self, from: Data(contentsOf: url))
        return Set(catalogue.monitors.filter { [1, 2].contains($0.priority) }.map(\.key))
    }()

    func withChecker(
        pageSize: Int = 10, fakeArguments: [String] = [], sleeper: (any RetrySleeper)? = nil,
        _ body: (MonitorChecker, FakeServer, RecordingSleeper) async throws -> Void
    ) async throws {
        let fake = try await FakeServer.datadog(extra: ["--extra-monitors", "30"] + fakeArguments)
        let endpoint = try DatadogEndpoint(baseURL: fake.baseURL)
        try await withRealTransport { transport in
            let waits = RecordingSleeper()
            let client = DatadogClient(
                endpoint: endpoint, keys: DatadogKeys(apiKey: "k", applicationKey: "a"),
                transport: transport, policy: RetryPolicy(sleeper: sleeper ?? waits), pageSize: pageSize)
            let checker = MonitorChecker(client: client, selection: MonitorSelection(tags: ["team:argos"])) {
                Instant(epochMilliseconds: Int64(Date().timeIntervalSince1970 * 1000))
            }
            try await body(checker, fake, waits)
        }
    }

    @Test func everyP1P2MonitorIsFoundAcrossPagesAndClassifiedAsTheScenarioSays() async throws {
        try await withChecker { checker, fake, _ in
            let checks = try await checker.run()
            #expect(Set(checks.map(\.label)) == Self.catalogueLabels)
            #expect(checks.count == 44)

            struct Logged: Decodable { var path: String; var query: [String: String] }
            let log = try JSONDecoder().decode([Logged].self, from: try await fake.get("/_fake/requests"))
            let listings = log.filter { $0.path == "/api/v1/monitor" }
            #expect(listings.count >= 8)
            #expect(listings.allSatisfy { $0.query["monitor_tags"] == "team:argos" && $0.query["group_states"] == "all" && $0.query["with_downtimes"] == "true" })

            let byLabel = Dictionary(uniqueKeysWithValues: checks.map { ($0.label, $0) })
            #expect(byLabel["SYSTEM-EC2-CPU-High-01"]?.checkClass == .alert)
            #expect(byLabel["SYSTEM-EC2-CPU-High-01"]?.failingGroups.map(\.name) == ["host:ip-10-0-1-12", "host:ip-10-0-2-40"])
            #expect(byLabel["Container-EKS-Pods-Abnormal-01"]?.checkClass == .alert)
            #expect(byLabel["Container-EKS-Pods-Abnormal-01"]?.failingGroups.map(\.status) == ["Alert", "Warn"])
            #expect(byLabel["DB-MySQL-CPU-TooHigh-01"]?.checkClass == .warn)
            for label in ["Container-EKS-JOB-Fail-01", "CSP-MSK-ConsumerLag-01", "Network-TGW-PacketDrop-01"] {
                #expect(byLabel[label]?.checkClass == .noData, "\(label)")
            }
            #expect(byLabel["Network-DX-Down-01"]?.checkClass == .muted)
            let deleted = try #require(byLabel["Service-EKS-FullGC-01"])
            #expect(deleted.checkClass == .error)
            #expect(deleted.errorDetail == "monitor deleted since it was listed")
            #expect(checks.filter { $0.checkClass == .ok }.count == 36)
            #expect(checks.prefix(8).allSatisfy { $0.checkClass != .ok })
            #expect(checks.first?.checkClass == .error)

            let alert = try #require(byLabel["SYSTEM-EC2-CPU-High-01"])
            #expect(alert.category == .system)
            #expect(alert.monitorJSON.hasPrefix("{") && !alert.monitorJSON.contains("\n"))
            #expect(alert.stateModified != nil)
        }
    }

    @Test func aRateLimitStormIsSurvived() async throws {
        try await withChecker(pageSize: 20) { checker, fake, waits in
            try await fake.control("/_fake/faults", json: #"{"status": 429, "count": 15, "path_prefix": "/api/v1/monitor", "reset": 1}"#)
            let checks = try await checker.run()
            #expect(checks.count == 44)
            #expect(checks.filter { $0.checkClass == .error }.map(\.label) == ["Service-EKS-FullGC-01"])
            #expect(waits.delays.filter { $0 == .seconds(1) }.count >= 15)
        }
    }

    /// The fake's own limiter (10 calls per 2 s window) against ~50 calls, really waiting for each reset.
    @Test func theRateLimitWindowIsWaitedOutForReal() async throws {
        try await withChecker(pageSize: 100, fakeArguments: ["--rate-limit", "10", "--rate-period", "2"], sleeper: TaskSleeper()) { checker, fake, _ in
            let started = ContinuousClock.now
            let checks = try await checker.run()
            #expect(checks.count == 44)
            #expect(checks.filter { $0.checkClass == .error }.map(\.label) == ["Service-EKS-FullGC-01"])
            #expect(ContinuousClock.now - started >= .seconds(6))
            struct Logged: Decodable { var status: Int }
            let log = try JSONDecoder().decode([Logged].self, from: try await fake.get("/_fake/requests"))
            #expect(log.contains { $0.status == 429 })
        }
    }

    @Test func aServerErrorOnOneMonitorIsAnErrorCheckAndTheRunGoesOn() async throws {
        try await withChecker { checker, fake, _ in
            try await fake.control("/_fake/scenario", json: #"{"monitors": {"DB-MySQL-CPU-TooHigh-01": {"error_status": 500}}}"#)
            let checks = try await checker.run()
            let failed = try #require(checks.first { $0.label == "DB-MySQL-CPU-TooHigh-01" })
            #expect(failed.checkClass == .error)
            #expect(failed.errorDetail?.contains("500") == true)
            #expect(checks.count == 44)
        }
    }
}
