import Foundation
import Testing
import TestSupport
@testable import CivilTime

@Suite struct TZifParserTests {
    static func systemFile(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: "/usr/share/zoneinfo/\(name)")))
    }

    /// A version-1 file built by hand: two transitions, two types, abbreviations `AAA` and `BBB`.
    static func versionOneFile() -> [UInt8] {
        var bytes = Array("TZif".utf8) + [0] + [UInt8](repeating: 0, count: 15)
        for count: UInt32 in [0, 0, 0, 2, 2, 8] { bytes += bigEndian(count) }
        bytes += bigEndian(UInt32(1000)) + bigEndian(UInt32(2000))
        bytes += [1, 0]
        bytes += bigEndian(UInt32(3600)) + [0, 0]
        bytes += bigEndian(UInt32(7200)) + [1, 4]
        bytes += Array("AAA\0BBB\0".utf8)
        return bytes
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    @Test func readsAVersionOneFile() throws {
        let zone = try ZoneRules(tzif: Self.versionOneFile(), identifier: "Test/V1")
        let first = LocalTimeType(offset: UTCOffset(seconds: 3600)!, abbreviation: "AAA", isDaylightSaving: false)
        #expect(zone.localTimeType(at: Instant(epochSeconds: 999)) == first)
        #expect(zone.localTimeType(at: Instant(epochSeconds: 1000)).abbreviation == "BBB")
        #expect(zone.localTimeType(at: Instant(epochSeconds: 1000)).isDaylightSaving)
        #expect(zone.localTimeType(at: Instant(epochSeconds: 2000)).abbreviation == "AAA")
        #expect(zone.localTimeType(at: Instant(epochSeconds: 4_000_000_000)).abbreviation == "AAA")
    }

    @Test func usesTheFooterBeyondTheLastTransition() throws {
        let zone = try ZoneRules(tzif: Self.systemFile("America/New_York"), identifier: "America/New_York")
        guard case .table(let table) = zone.rules else { Issue.record("not a table"); return }
        #expect(table.footer != nil)
        let farFuture = try Instant(iso8601: "2099-07-04T12:00:00Z")
        #expect(farFuture.epochSeconds > table.times.last ?? 0)
        #expect(zone.abbreviation(at: farFuture) == "EDT")
    }

    @Test func everyTruncationIsAnErrorNotACrash() throws {
        for name in ["Asia/Seoul", "America/New_York"] {
            let bytes = try Self.systemFile(name)
            // Cutting the footer off entirely leaves a valid file without one; any shorter cut is broken.
            let footerStart = bytes.dropLast().lastIndex(of: 0x0A)!
            for length in 0..<bytes.count where length != footerStart {
                #expect(throws: ZoneError.self, "\(name) cut at \(length)") {
                    try ZoneRules(tzif: Array(bytes.prefix(length)), identifier: name)
                }
            }
        }
    }

    @Test func corruptedBytesNeverCrashTheParser() throws {
        let original = try Self.systemFile("Australia/Sydney")
        var generator = SeededRandom(seed: 7)
        var refused = 0
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<Int(generator.next() % 4 + 1) {
                bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
            if let zone = try? ZoneRules(tzif: bytes, identifier: "Fuzz") {
                // Whatever was read must still answer lookups and resolutions without trapping.
                _ = zone.localDateTime(at: Instant(epochMilliseconds: Int64(bitPattern: generator.next())))
                _ = zone.instant(for: LocalDateTime(localSecondsSinceEpoch: Int64(generator.next() % 8_000_000_000)))
            } else {
                refused += 1
            }
        }
        #expect(refused > 0)
    }

    @Test(arguments: [
        ("not a zone file", "no TZif magic"),
        ("TZif9", "truncated"),
    ])
    func garbageIsRefusedWithAReason(text: String, reason: String) {
        do {
            _ = try ZoneRules(tzif: Array(text.utf8), identifier: "X")
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains(reason))
        }
    }

    @Test func implausibleCountsAreRefusedBeforeAllocating() {
        var bytes = Array("TZif2".utf8) + [UInt8](repeating: 0, count: 15)
        for count: UInt32 in [0, 0, 0, 0xFFFF_FFFF, 1, 4] { bytes += Self.bigEndian(count) }
        #expect(throws: ZoneError.self) { try ZoneRules(tzif: bytes, identifier: "X") }
    }
}
