import AWSCore
import Foundation
import JSONCoding
import Testing

@Suite struct AttributeValueCoderTests {
    struct Nested: Codable, Equatable {
        let label: String
        let weights: [Double]
    }

    struct Record: Codable, Equatable {
        let id: String
        let count: Int
        let big: Int64
        let unsigned: UInt64
        let ratio: Double
        let exact: DynamoDBNumber
        let flag: Bool
        let tags: [String]
        let groups: Set<String>
        let nested: Nested
        let byName: [String: Int]
        let missing: String?
        let present: String?
    }

    let record = Record(
        id: "1234567890123456789",
        count: -42,
        big: Int64.max,
        unsigned: UInt64.max,
        ratio: 0.1,
        exact: DynamoDBNumber("12345678901234567890123456789.0123456789")!,
        flag: true,
        tags: ["env:prod", "team:ops", "env:prod"],
        groups: ["b", "a"],
        nested: Nested(label: "n", weights: [1.5, -2]),
        byName: ["x": 1],
        missing: nil,
        present: "here"
    )

    @Test func encodesEveryKindToItsAttributeType() throws {
        let item = try AttributeValueEncoder().encode(record)
        #expect(item["id"] == .s("1234567890123456789"))
        #expect(item["count"] == .n("-42"))
        #expect(item["big"] == .n("9223372036854775807"))
        #expect(item["unsigned"] == .n("18446744073709551615"))
        #expect(item["ratio"] == .n("0.1"))
        #expect(item["exact"] == .n("12345678901234567890123456789.0123456789"))
        #expect(item["flag"] == .bool(true))
        #expect(item["tags"] == .l([.s("env:prod"), .s("team:ops"), .s("env:prod")]))
        #expect(item["groups"] == .ss(["a", "b"]))
        #expect(item["nested"] == .m(["label": .s("n"), "weights": .l([.n("1.5"), .n("-2.0")])]))
        #expect(item["byName"] == .m(["x": .n("1")]))
        #expect(item["missing"] == nil)
        #expect(item["present"] == .s("here"))
    }

    @Test func roundTrips() throws {
        let item = try AttributeValueEncoder().encode(record)
        #expect(try AttributeValueDecoder().decode(Record.self, from: item) == record)
    }

    @Test func stringArraysAsSetsWhenAsked() throws {
        struct Tags: Codable, Equatable { let tags: [String] }
        let item = try AttributeValueEncoder(stringArrays: .stringSet).encode(Tags(tags: ["b", "a"]))
        #expect(item["tags"] == .ss(["b", "a"]))
        #expect(try AttributeValueDecoder().decode(Tags.self, from: item) == Tags(tags: ["b", "a"]))
        #expect(throws: EncodingError.self) { try AttributeValueEncoder(stringArrays: .stringSet).encode(Tags(tags: [])) }
    }

    @Test func nullAndAbsentBothDecodeAsNil() throws {
        struct Optionals: Codable, Equatable { let a: String?; let b: Int? }
        let decoded = try AttributeValueDecoder().decode(Optionals.self, from: ["a": .null])
        #expect(decoded == Optionals(a: nil, b: nil))
    }

    @Test func numbersAreNeverRoundedSilently() throws {
        struct Small: Codable { let value: Int8 }
        struct Whole: Codable { let value: Int }
        #expect(throws: DecodingError.self) { try AttributeValueDecoder().decode(Small.self, from: ["value": .n("300")]) }
        #expect(throws: DecodingError.self) { try AttributeValueDecoder().decode(Whole.self, from: ["value": .n("1.5")]) }
        #expect(throws: DecodingError.self) { try AttributeValueDecoder().decode(Whole.self, from: ["value": .s("1")]) }
        #expect(throws: EncodingError.self) { try AttributeValueEncoder().encodeValue(Double.nan) }
    }

    @Test func wireFormatIsDynamoDBJSON() throws {
        let value = AttributeValue.m([
            "s": .s("x"), "n": .n("1"), "b": .b(Array("hi".utf8)), "t": .bool(false), "z": .null,
            "l": .l([.s("a")]), "ss": .ss(["a"]), "ns": .ns(["1", "2"]), "bs": .bs([[1]]),
        ])
        let json = String(decoding: try JSONEncoding().encode(value), as: UTF8.self)
        #expect(json == #"{"M":{"b":{"B":"aGk="},"bs":{"BS":["AQ=="]},"l":{"L":[{"S":"a"}]},"n":{"N":"1"},"ns":{"NS":["1","2"]},"s":{"S":"x"},"ss":{"SS":["a"]},"t":{"BOOL":false},"z":{"NULL":true}}}"#)
        #expect(try JSONDecoding().decode(AttributeValue.self, from: Array(json.utf8)) == value)
        #expect(throws: DecodingError.self) { try JSONDecoding().decode(AttributeValue.self, from: Array(#"{"B":"aGk"}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoding().decode(AttributeValue.self, from: Array(#"{"BS":["AQ==","%%%%"]}"#.utf8)) }
    }

    @Test func dynamoDBNumberAcceptsOnlyDecimalText() {
        for good in ["0", "-1", "+2", "1.5", ".5", "5.", "1e10", "-1.5E-7", "12345678901234567890123456789012345678"] {
            #expect(DynamoDBNumber(good) != nil, "\(good)")
        }
        for bad in ["", "-", "1e", "abc", "1.2.3", "0x10", " 1", "NaN", "."] {
            #expect(DynamoDBNumber(bad) == nil, "\(bad)")
        }
    }

    @Test func itemsMustBeMaps() {
        #expect(throws: EncodingError.self) { try AttributeValueEncoder().encode("just a string") }
    }
}
