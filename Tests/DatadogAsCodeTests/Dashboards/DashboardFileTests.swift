import DatadogAsCode
import Foundation
import TestSupport
import Testing

/// The normalised form is byte for byte what `scripts/tools/dashboards.py normalise` writes: the oracle is run
/// on the same input every time, not trusted from memory.
@Suite struct DashboardFileTests {
    static func python(_ bytes: [UInt8]) throws -> [UInt8] {
        Array(try PythonScript.run("scripts/tools/dashboards.py", arguments: ["normalise", "-"], input: Data(bytes)))
    }

    /// Computed fields, widget ids at every depth, null and empty defaults, hostile text and numbers.
    @Test func aDashboardFromTheAPIIsWrittenAsPythonWritesIt() throws {
        let api = try Fixtures.bytes("dashboard-from-api.json")
        let swift = Array(try DashboardFile.normalisedText(api).utf8)
        #expect(swift == (try Fixtures.bytes("dashboard-from-api.normalised.json")))
        #expect(swift == (try Self.python(api)))
    }

    @Test func normalisingTwiceChangesNothing() throws {
        let once = try DashboardFile.normalisedText(try Fixtures.bytes("dashboard-from-api.json"))
        #expect(try DashboardFile.normalisedText(Array(once.utf8)) == once)
    }

    /// Each committed dashboard as Datadog would answer it (what `pull` reads) comes back as the file.
    @Test func everyCommittedDashboardSurvivesARoundTripThroughTheAPI() throws {
        let files = try Fixtures.dashboards()
        #expect(files.count >= 9)
        for (name, bytes) in files {
            let answered = Array(Self.asAnswered(try JSONTree(parsing: bytes)).indentedText.utf8)
            #expect(Array(try DashboardFile.normalisedText(answered).utf8) == bytes, "\(name)")
        }
    }

    /// Random documents with awkward text and numbers, as widget definitions: Swift and Python agree on every byte.
    @Test func randomDocumentsAgreeWithPython() throws {
        var random = SeededRandom(seed: 19)
        var widgets: [JSONTree] = []
        for index in 0..<60 {
            widgets.append(.object([
                JSONMember("id", .integer(String(index))),
                JSONMember("definition", .object([JSONMember("type", .string("note")), JSONMember("content", Self.value(&random, depth: 0))])),
            ]))
        }
        let document = JSONTree.object([
            JSONMember("title", Self.text(&random)), JSONMember("layout_type", .string("ordered")), JSONMember("widgets", .array(widgets)),
            JSONMember("tags", .array([])), JSONMember("description", .null), JSONMember("is_read_only", .bool(false)),
        ])
        let bytes = Array(document.indentedText.utf8)
        #expect(Array(try DashboardFile.normalisedText(bytes).utf8) == (try Self.python(bytes)))
    }

    @Test func onlyObjectsAreDashboards() {
        #expect(throws: DashboardFileError.notAnObject) { try DashboardFile.normalisedText(Array("[1]".utf8)) }
        #expect(throws: DashboardFileError.self) { try DashboardFile.normalisedText(Array("{".utf8)) }
    }

    // MARK: Generators

    static func asAnswered(_ document: JSONTree) -> JSONTree {
        var widgetID = 1_000
        func withIDs(_ widgets: JSONTree) -> JSONTree {
            .array((widgets.arrayValue ?? []).map { widget in
                widgetID += 7
                let members = (widget.members ?? []).map { member in
                    guard member.key == "definition", let inner = member.value["widgets"] else { return member }
                    let definition = (member.value.members ?? []).map { $0.key == "widgets" ? JSONMember("widgets", withIDs(inner)) : $0 }
                    return JSONMember("definition", .object(definition))
                }
                return .object([JSONMember("id", .integer(String(widgetID)))] + members)
            })
        }
        var members = (document.members ?? []).map { $0.key == "widgets" ? JSONMember("widgets", withIDs($0.value)) : $0 }
        let present = Set(members.map(\.key))
        members += [
            JSONMember("id", .string("abc-def-ghi")), JSONMember("author_handle", .string("someone@example.com")),
            JSONMember("author_name", .string("Some One")), JSONMember("created_at", .string("2025-01-02T03:04:05.123456+00:00")),
            JSONMember("modified_at", .string("2025-01-02T03:04:05.123456+00:00")), JSONMember("url", .string("/dashboard/abc-def-ghi/x")),
        ]
        for name in ["notify_list", "restricted_roles", "tags", "template_variable_presets"] where !present.contains(name) {
            members.append(JSONMember(name, .array([])))
        }
        for name in ["description", "template_variables"] where !present.contains(name) { members.append(JSONMember(name, .null)) }
        if !present.contains("is_read_only") { members.append(JSONMember("is_read_only", .bool(false))) }
        return .object(members)
    }

    static func value(_ random: inout SeededRandom, depth: Int) -> JSONTree {
        switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &random) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .integer(String(Int64.random(in: Int64.min...Int64.max, using: &random)))
        case 3:
            let bits = UInt64.random(in: 0...UInt64.max, using: &random)
            let double = Double(bitPattern: bits)
            return .double(double.isFinite ? double : Double(Int.random(in: -1_000...1_000, using: &random)) / 8)
        case 4: return text(&random)
        case 5: return .array((0..<Int.random(in: 0...4, using: &random)).map { _ in value(&random, depth: depth + 1) })
        default:
            var keys: Set<String> = []
            var members: [JSONMember] = []
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                guard case .string(let key) = text(&random), keys.insert(key).inserted else { continue }
                members.append(JSONMember(key, value(&random, depth: depth + 1)))
            }
            return .object(members)
        }
    }

    static func text(_ random: inout SeededRandom) -> JSONTree {
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", "_", "$", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{1F}", "\u{7F}", "é", "\u{301}", "한", "😀", "\u{2028}", " ", "<", "&",
        ]
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...12, using: &random) { scalars.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)]) }
        return .string(String(scalars))
    }
}
