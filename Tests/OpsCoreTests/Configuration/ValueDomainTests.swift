import CivilTime
import Foundation
import OpsCore
import Testing
import TestSupport

/// Terraform and the functions must accept and refuse the same settings: a value Terraform applies and a
/// function refuses is an init error after a green apply. Terraform validates against
/// `terraform/modules/opsdaily/value-domains.json`; these tests hold the functions' own tables equal to it and
/// run the functions' parsers over `scripts/tests/data/value-domain-cases.json`, whose verdicts
/// `scripts/tests/test_value_domains.py` checks against real Terraform.
@Suite struct ValueDomainTests {
    struct Domains: Decodable {
        struct Slots: Decodable {
            var pattern: String
            var minimum_spacing_minutes: Int
        }
        struct Offset: Decodable {
            var minimum: Int
            var maximum: Int
            var skew_tolerance_minutes: Int
        }
        var datadog_sites: [String]
        var timezones: [String]
        var check_slots: Slots
        var notification_offset_minutes: Offset
    }

    struct Cases: Decodable {
        struct Verdicts<Value: Decodable>: Decodable {
            var accept: [Value]
            var refuse: [Value]
        }
        /// A slot list and an offset in minutes (a number: a fractional one must be refused).
        struct OffsetCase: Decodable {
            var slots: [String]
            var minutes: Double

            init(from decoder: any Decoder) throws {
                var pair = try decoder.unkeyedContainer()
                slots = try pair.decode([String].self)
                minutes = try pair.decode(Double.self)
            }
        }
        var datadog_site: Verdicts<String>
        var timezone: Verdicts<String>
        var check_slots: Verdicts<[String]>
        var notification_offset: Verdicts<OffsetCase>
    }

    static func load<Value: Decodable>(_ type: Value.Type, _ path: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(contentsOf: RepositoryPaths.root.appendingPathComponent(path)))
    }

    let domains: Domains
    let cases: Cases

    init() throws {
        domains = try Self.load(Domains.self, "terraform/modules/opsdaily/value-domains.json")
        cases = try Self.load(Cases.self, "scripts/tests/data/value-domain-cases.json")
    }

    @Test func theFunctionsTablesAreTheDomainFile() {
        #expect(DatadogEndpoint.knownSites == domains.datadog_sites)
        #expect(ZoneRules.configurable == Set(domains.timezones))
        #expect(domains.timezones.count == Set(domains.timezones).count)
        #expect(CheckSlots.minimumSpacingSeconds == domains.check_slots.minimum_spacing_minutes * 60)
        #expect(CheckSlots.skewToleranceSeconds == Int64(domains.notification_offset_minutes.skew_tolerance_minutes * 60))
        #expect(domains.notification_offset_minutes.minimum == 1 && domains.notification_offset_minutes.maximum == 59)
    }

    @Test func sites() {
        for site in cases.datadog_site.accept { #expect(Self.accepts { _ = try DatadogEndpoint(site: site) }, "\(site)") }
        for site in cases.datadog_site.refuse { #expect(!Self.accepts { _ = try DatadogEndpoint(site: site) }, "\(site)") }
    }

    @Test func zones() {
        // As on Lambda: no tzdata to fall back on.
        let zone = { (name: String) in { _ = try EnvironmentReader(["OPS_TIMEZONE": name, "TZDIR": "/nonexistent"]).zone() } }
        for name in cases.timezone.accept { #expect(Self.accepts(zone(name)), "\(name)") }
        for name in cases.timezone.refuse where !name.allSatisfy({ $0 == " " }) { #expect(!Self.accepts(zone(name)), "\(name)") }
        // A blank OPS_TIMEZONE means unset (Terraform leaves empty values out), so the parser itself is asked.
        #expect(!ZoneRules.configurable.contains(""))
    }

    @Test func checkSlots() throws {
        let seoul = try ZoneRules.named("Asia/Seoul")
        for list in cases.check_slots.accept { #expect(Self.accepts { _ = try Self.slots(list, seoul) }, "\(list)") }
        for list in cases.check_slots.refuse { #expect(!Self.accepts { _ = try Self.slots(list, seoul) }, "\(list)") }
    }

    @Test func notificationOffsets() throws {
        let seoul = try ZoneRules.named("Asia/Seoul")
        func accepts(_ offset: Cases.OffsetCase) throws -> Bool {
            guard offset.minutes == offset.minutes.rounded() else { return false }
            return try Self.slots(offset.slots, seoul).acceptsNotificationOffset(minutes: Int(offset.minutes))
        }
        for offset in cases.notification_offset.accept { #expect(try accepts(offset), "\(offset.slots) + \(offset.minutes)") }
        for offset in cases.notification_offset.refuse { #expect(try !accepts(offset), "\(offset.slots) + \(offset.minutes)") }
    }

    /// What the module passes as `OPS_CHECK_SLOTS`: each entry trimmed, joined with commas. Each entry must be
    /// one slot by itself: joined, `["09:00,20:00"]` would read as two.
    static func slots(_ list: [String], _ zone: ZoneRules) throws -> CheckSlots {
        let entries = list.map { String($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        struct NotOneSlot: Error {}
        for entry in entries where try CheckSlots(parsing: entry, zone: zone).times.count != 1 { throw NotOneSlot() }
        return try CheckSlots(parsing: entries.joined(separator: ","), zone: zone)
    }

    static func accepts(_ body: () throws -> Void) -> Bool {
        (try? body()) != nil
    }
}
