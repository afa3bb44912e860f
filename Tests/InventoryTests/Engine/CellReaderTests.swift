import AWSCore
import Testing
@testable import Inventory

/// Column rules read the shapes AWS answers in: tag lists in either case and maps, XML and JSON maps,
/// port ranges, timestamps in every form, the latest of several.
@Suite struct CellReaderTests {
    static func read(_ rule: CellRule, _ json: String, _ format: CellFormat = .text) throws -> FieldValue {
        CellReader.cell(Column("x", rule, format), in: try AWSValue(json: Array(json.utf8)))
    }

    @Test func tagsInEveryShape() throws {
        #expect(try Self.read(.tag("Name", in: "Tags[]"), #"{"Tags":[{"Key":"Env","Value":"prd"},{"Key":"Name","Value":"web"}]}"#) == .text("web"))
        #expect(try Self.read(.tag("Name", in: "tags[]"), #"{"tags":[{"key":"Name","value":"db"}]}"#) == .text("db"))
        #expect(try Self.read(.tags("tags"), #"{"tags":{"b":"2","a":"1"}}"#) == .text("a=1; b=2"))
        #expect(try Self.read(.tag("Name", in: "Tags[]"), #"{"Tags":[]}"#) == .empty)
    }

    @Test func mapEntriesFromJSONAndXML() throws {
        #expect(try Self.read(.entry("Attributes", key: "Policy"), #"{"Attributes":{"Policy":"p"}}"#) == .text("p"))
        let xml = AWSValue.structure([.init("Attributes", .list([.structure([
            .init("entry", .structure([.init("key", .string("SubscriptionsConfirmed")), .init("value", .string("3"))])),
            .init("entry", .structure([.init("key", .string("Owner")), .init("value", .string("1"))])),
        ])]))])
        #expect(CellReader.cell(Column("x", .entry("Attributes[]", key: "SubscriptionsConfirmed"), .integer), in: xml) == .number("3"))
    }

    @Test func portsAndProtocols() throws {
        #expect(try Self.read(.portRange(from: "f", to: "t"), #"{"f":1024,"t":65535}"#) == .text("1024-65535"))
        #expect(try Self.read(.portRange(from: "f", to: "t"), #"{"f":443,"t":443}"#) == .text("443"))
        #expect(try Self.read(.portRange(from: "f", to: "t"), #"{"f":-1,"t":-1}"#) == .text("All"))
        #expect(try Self.read(.portRange(from: "f", to: "t"), #"{}"#) == .text("All"))
        #expect(try Self.read(.ipProtocol("p"), #"{"p":"-1"}"#) == .text("All"))
        #expect(try Self.read(.ipProtocol("p"), #"{"p":"6"}"#) == .text("tcp"))
    }

    @Test(arguments: [
        ("2023-09-19T10:11:12.000Z", "2023-09-19T10:11:12Z"), ("2023-09-19T19:11:12+09:00", "2023-09-19T10:11:12Z"),
        ("2023-09-19T10:11:12.000+0000", "2023-09-19T10:11:12Z"), ("1695118272.123", "2023-09-19T10:11:12Z"), ("1695118272", "2023-09-19T10:11:12Z"),
    ])
    func timestampsInEveryFormBecomeUTC(text: String, expected: String) throws {
        #expect(CellReader.cell(Column("t", "t", .timestamp), in: .structure([.init("t", .string(text))])) == .text(expected))
    }

    @Test func oddTimestampsAndNumbersStayText() {
        #expect(CellReader.cell(Column("t", "t", .timestamp), in: .structure([.init("t", .string("N/A"))])) == .text("N/A"))
        #expect(CellReader.cell(Column("n", "n", .integer), in: .structure([.init("n", .string("12.5"))])) == .text("12.5"))
        #expect(CellReader.cell(Column("n", "n", .decimal), in: .structure([.init("n", .string("12.50"))])) == .number("12.50"))
        #expect(CellReader.cell(Column("n", "n", .epochMilliseconds), in: .structure([.init("n", .number("1695118272123"))])) == .text("2023-09-19T10:11:12Z"))
    }

    @Test func theLatestActivityOfSeveral() throws {
        let rule = CellRule.latest(["a", "b", "c"])
        #expect(try Self.read(rule, #"{"a":"2023-01-01T00:00:00Z","b":"N/A","c":"2023-06-01T00:00:00+00:00"}"#) == .text("2023-06-01T00:00:00Z"))
        #expect(try Self.read(rule, #"{"b":"no_information"}"#) == .empty)
    }

    @Test func namesOutOfARNsAndURLs() throws {
        #expect(try Self.read(.lastSegment("u"), #"{"u":"https://sqs.ap-northeast-2.amazonaws.com/123456789012/orders"}"#) == .text("orders"))
        #expect(try Self.read(.lastSegment("u"), #"{"u":"arn:aws:sns:ap-northeast-2:123456789012:alerts"}"#) == .text("alerts"))
        #expect(try Self.read(.pairs("D[]", key: "Name", value: "Value"), #"{"D":[{"Name":"InstanceId","Value":"i-1"}]}"#) == .text("InstanceId=i-1"))
        #expect(try Self.read(.orElse(.path("r"), fallback: "never expire"), #"{}"#) == .text("never expire"))
        #expect(try Self.read(.count("x[]"), #"{"x":[1,2,3]}"#) == .text("3"))
    }
}
