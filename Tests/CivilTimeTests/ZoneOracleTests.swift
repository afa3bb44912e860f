import Foundation
import Testing
import TestSupport
@testable import CivilTime

/// Compares both sources of rules with Python's zoneinfo over 1970–2100: every transition of five zones
/// (Seoul with its 1987–88 DST, New York, London, Sydney, Kolkata) and a few thousand random instants and
/// wall times. The reference comes from `Fixtures/zone_oracle.py`, run by the test so the cases never
/// drift from the script. The built-in POSIX rules model current rules only, so they are compared from
/// 2010 on.
@Suite struct ZoneOracleTests {
    struct OffsetCase {
        let zone: String
        let seconds: Int64
        let offset: Int
        let abbreviation: String
    }

    struct WallCase {
        let zone: String
        let wall: LocalDateTime
        let seconds: Int64
    }

    struct Oracle {
        var tzdataDirectory = "/usr/share/zoneinfo"
        var offsets: [OffsetCase] = []
        var walls: [WallCase] = []
    }

    static let posixFrom = try! Instant(iso8601: "2010-01-01T00:00:00Z").epochSeconds

    static func runOracle() throws -> Oracle {
        let script = RepositoryPaths.root.appendingPathComponent("Tests/CivilTimeTests/Fixtures/zone_oracle.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw OracleError.scriptFailed(process.terminationStatus) }
        var oracle = Oracle()
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            switch fields.first {
            case "#" where fields.count == 3 && fields[1] == "tzpath":
                oracle.tzdataDirectory = String(fields[2])
            case "O" where fields.count == 5:
                oracle.offsets.append(OffsetCase(
                    zone: String(fields[1]), seconds: Int64(fields[2])!, offset: Int(fields[3])!, abbreviation: String(fields[4])))
            case "L" where fields.count == 4:
                oracle.walls.append(WallCase(zone: String(fields[1]), wall: try LocalDateTime(parsing: fields[2]), seconds: Int64(fields[3])!))
            default:
                throw OracleError.unexpectedLine(String(line))
            }
        }
        return oracle
    }

    @Test func bothRuleSourcesAgreeWithPythonZoneinfo() throws {
        let oracle = try Self.runOracle()
        #expect(oracle.offsets.count > 5000)
        #expect(oracle.walls.count > 2000)
        var tzif: [String: ZoneRules] = [:]
        var builtIn: [String: ZoneRules] = [:]
        for name in Set(oracle.offsets.map(\.zone)) {
            let zone = try ZoneRules.named(name, tzdataDirectories: [oracle.tzdataDirectory])
            #expect(zone.source == .tzif(path: oracle.tzdataDirectory + "/" + name))
            tzif[name] = zone
            let rules = try #require(ZoneRules.builtIn(name))
            builtIn[name] = rules
        }
        var counts = (tzifOffsets: 0, posixOffsets: 0, tzifWalls: 0, posixWalls: 0)
        for item in oracle.offsets {
            let instant = Instant(epochSeconds: item.seconds)
            let expected = "\(item.offset) \(item.abbreviation)"
            let fromTZif = tzif[item.zone]!.localTimeType(at: instant)
            #expect("\(fromTZif.offset.seconds) \(fromTZif.abbreviation)" == expected, "TZif \(item.zone) at \(instant)")
            counts.tzifOffsets += 1
            if item.seconds >= Self.posixFrom {
                let fromRule = builtIn[item.zone]!.localTimeType(at: instant)
                #expect("\(fromRule.offset.seconds) \(fromRule.abbreviation)" == expected, "built-in \(item.zone) at \(instant)")
                counts.posixOffsets += 1
            }
        }
        for item in oracle.walls {
            #expect(tzif[item.zone]!.instant(for: item.wall).epochSeconds == item.seconds, "TZif \(item.zone) wall \(item.wall)")
            counts.tzifWalls += 1
            if item.seconds >= Self.posixFrom + 86_400 {
                #expect(builtIn[item.zone]!.instant(for: item.wall).epochSeconds == item.seconds, "built-in \(item.zone) wall \(item.wall)")
                counts.posixWalls += 1
            }
        }
        print("zone oracle: \(counts.tzifOffsets) offsets via TZif, \(counts.posixOffsets) via built-in rules (2010+); "
            + "\(counts.tzifWalls) wall times via TZif, \(counts.posixWalls) via built-in rules (2010+)")
    }
}

enum OracleError: Error {
    case scriptFailed(Int32)
    case unexpectedLine(String)
}
