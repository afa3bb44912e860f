import JSONCoding
import Testing

/// The encoder's own promises, spelled out with literal expected bytes (the differential suite
/// covers "same as Foundation" in bulk; these say what that means, and keep holding without it).
@Suite struct JSONEncodingTests {
    private func json<T: Encodable>(_ value: T, prettyPrinted: Bool = false) throws -> String {
        String(decoding: try JSONEncoding(prettyPrinted: prettyPrinted).encode(value), as: UTF8.self)
    }

    @Test func escapesExactlyWhatFoundationEscapes() throws {
        #expect(try json("\"\\/") == #""\"\\/""#)
        #expect(try json("\u{8}\u{C}\n\r\t") == #""\b\f\n\r\t""#)
        #expect(try json("\u{0}\u{1}\u{B}\u{E}\u{1F}") == #""\u0000\u0001\u000b\u000e\u001f""#)
        // DEL, the JavaScript line separators and all other non-ASCII are written raw.
        #expect(try json("\u{7F}\u{2028}\u{2029}é😀") == "\"\u{7F}\u{2028}\u{2029}é😀\"")
    }

    @Test func markupAndFormulaTextIsWrittenUnchanged() throws {
        // No HTML-safe escaping: pages embedding JSON must escape for their own context.
        #expect(try json("</script><!--") == #""</script><!--""#)
        #expect(try json("=cmd|' /C calc'!A0") == #""=cmd|' /C calc'!A0""#)
    }

    @Test func keysAreSortedByTheirUTF8Bytes() throws {
        let keys = ["b", "a", "B", "A", "10", "2", "1", "_", "~", "é", "😀", "ﬀ", "", " "]
        let object = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        #expect(try json(object) == #"{"":12," ":13,"1":6,"10":4,"2":5,"A":3,"B":2,"_":7,"a":1,"b":0,"~":8,"é":9,"ﬀ":11,"😀":10}"#)
    }

    @Test func doublesUseSwiftsShortestSpellingWithoutATrailingPointZero() throws {
        #expect(try json([0.0, -0.0, 1, 100, 0.1, 1e15, 1e16, 1e21, .leastNonzeroMagnitude, 1e-7, 1.7976931348623157e308]) ==
            "[0,-0,1,100,0.1,1000000000000000,1e+16,1e+21,5e-324,1e-07,1.7976931348623157e+308]")
        #expect(try json([Float(0.1), 1, 1e10, 3.4028235e38, 1e-45]) == "[0.1,1,1e+10,3.4028235e+38,1e-45]")
    }

    @Test func everyIntegerWidthWritesItsExtremes() throws {
        #expect(try json([Int8.min, Int8.max]) == "[-128,127]")
        #expect(try json([Int16.min, Int16.max]) == "[-32768,32767]")
        #expect(try json([Int32.min, Int32.max]) == "[-2147483648,2147483647]")
        #expect(try json([Int64.min, Int64.max]) == "[-9223372036854775808,9223372036854775807]")
        #expect(try json([UInt8.max]) == "[255]")
        #expect(try json([UInt16.max]) == "[65535]")
        #expect(try json([UInt32.max]) == "[4294967295]")
        #expect(try json([UInt64.max, UInt64.min]) == "[18446744073709551615,0]")
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteDoublesAreInvalidValuesAtTheirPath(value: Double) throws {
        struct Holder: Encodable { var list: [Double] }
        let error = try #require(throws: EncodingError.self) { try JSONEncoding().encode(Holder(list: [1, value])) }
        guard case .invalidValue(let invalid, let context) = error else { Issue.record("\(error)"); return }
        #expect((invalid as? Double)?.bitPattern == value.bitPattern)
        #expect(context.codingPath.map(\.stringValue) == ["list", "Index 1"])
        #expect(context.debugDescription.hasPrefix("Unable to encode Double."))
    }

    @Test func nonFiniteFloatInANestedUnkeyedContainerReportsTheFullPath() throws {
        // Foundation drops the container's own key here (it reports ["Index 1"]).
        struct Holder: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: AnyKey.self)
                var list = container.nestedUnkeyedContainer(forKey: AnyKey("a"))
                try list.encode(Float(1))
                try list.encode(Float.infinity)
            }
        }
        let error = try #require(throws: EncodingError.self) { try JSONEncoding().encode(Holder()) }
        #expect(ErrorSummary(error).path == ["a", "Index 1#1"])
    }

    @Test func nilOptionalsAreOmittedButExplicitNilIsNull() throws {
        struct Optionals: Encodable {
            var present: Int? = 1
            var absent: Int? = nil
            var list: [Int?] = [nil, 2]
        }
        #expect(try json(Optionals()) == #"{"list":[null,2],"present":1}"#)
        struct ExplicitNull: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: AnyKey.self)
                try container.encodeNil(forKey: AnyKey("gone"))
            }
        }
        #expect(try json(ExplicitNull()) == #"{"gone":null}"#)
        #expect(try json(Int?.none) == "null")
    }

    @Test func prettyPrintingMatchesFoundationsLayout() throws {
        struct Shape: Encodable {
            var empty: [Int] = []
            var emptyObject: [String: Int] = [:]
            var nested: [String: [Int]] = ["k": [1, 2]]
            var text = "x"
        }
        let expected = """
        {
          "empty" : [

          ],
          "emptyObject" : {

          },
          "nested" : {
            "k" : [
              1,
              2
            ]
          },
          "text" : "x"
        }
        """
        #expect(try json(Shape(), prettyPrinted: true) == expected)
        #expect(try json([Int](), prettyPrinted: true) == "[\n\n]")
        #expect(try json([String: Int](), prettyPrinted: true) == "{\n\n}")
        #expect(try json(5, prettyPrinted: true) == "5")
    }

    @Test func topLevelScalarsAreAllowed() throws {
        #expect(try json("text") == #""text""#)
        #expect(try json(true) == "true")
        #expect(try json(-3) == "-3")
    }

    @Test func aTopLevelValueThatEncodesNothingIsAnError() throws {
        struct Silent: Encodable { func encode(to encoder: any Encoder) throws {} }
        let error = try #require(throws: EncodingError.self) { try JSONEncoding().encode(Silent()) }
        #expect(ErrorSummary(error).kind == "invalidValue")
        // Nested, the same value becomes an empty object, as in Foundation.
        #expect(try json([Silent()]) == "[{}]")
        #expect(try json(["a": Silent()]) == #"{"a":{}}"#)
    }

    @Test func encodingAKeyTwiceKeepsTheLastValue() throws {
        struct Twice: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: AnyKey.self)
                try container.encode(1, forKey: AnyKey("a"))
                try container.encode("second", forKey: AnyKey("a"))
            }
        }
        #expect(try json(Twice()) == #"{"a":"second"}"#)
    }

    @Test func nestedContainersForTheSameKeyMerge() throws {
        struct Merged: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: AnyKey.self)
                var first = container.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("o"))
                try first.encode(true, forKey: AnyKey("t"))
                var second = container.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("o"))
                try second.encode(false, forKey: AnyKey("f"))
                var list = container.nestedUnkeyedContainer(forKey: AnyKey("u"))
                try list.encode(1)
                var again = container.nestedUnkeyedContainer(forKey: AnyKey("u"))
                try again.encode(2)
                // A second keyed container at the top level continues the first one.
                var top = encoder.container(keyedBy: AnyKey.self)
                try top.encode(3, forKey: AnyKey("z"))
            }
        }
        #expect(try json(Merged()) == #"{"o":{"f":false,"t":true},"u":[1,2],"z":3}"#)
        #expect(try JSONEncoding().encode(Merged()) == FoundationReference.encode(Merged()))
    }

    @Test func superEncodersWriteUnderSuperOrTheirKeyOrTheirPosition() throws {
        struct Supers: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: AnyKey.self)
                do {
                    var parent = container.superEncoder().singleValueContainer()
                    try parent.encode(5)
                }
                _ = container.superEncoder(forKey: AnyKey("unused"))
                var list = container.nestedUnkeyedContainer(forKey: AnyKey("list"))
                try list.encode(1)
                do {
                    let parent = list.superEncoder()
                    // A sibling encoded while the super-encoder is alive: the super value is
                    // still inserted at the position it was created for.
                    try list.encode(3)
                    var inner = parent.unkeyedContainer()
                    try inner.encode("super")
                }
                try list.encode(4)
            }
        }
        #expect(try json(Supers()) == #"{"list":[1,["super"],3,4],"super":5,"unused":{}}"#)
        #expect(try JSONEncoding().encode(Supers()) == FoundationReference.encode(Supers()))
    }

    @Test func classesEncodeTheirSuperclassThroughSuperEncoder() throws {
        class Base: Encodable {
            var id = 7
        }
        final class Derived: Base {
            var name = "d"
            enum CodingKeys: String, CodingKey { case name }
            override func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(name, forKey: .name)
                try super.encode(to: container.superEncoder())
            }
        }
        #expect(try json(Derived()) == #"{"name":"d","super":{"id":7}}"#)
    }

    @Test func nestingIsLimitedLikeFoundation() throws {
        indirect enum Tree: Encodable {
            case leaf
            case node(Tree)
            func encode(to encoder: any Encoder) throws {
                var container = encoder.unkeyedContainer()
                if case .node(let child) = self { try container.encode(child) }
            }
            static func depth(_ depth: Int) -> Tree {
                var tree = Tree.leaf
                for _ in 1..<depth { tree = .node(tree) }
                return tree
            }
        }
        #expect(try JSONEncoding().encode(Tree.depth(511)).count == 1022)
        let error = try #require(throws: EncodingError.self) { try JSONEncoding().encode(Tree.depth(512)) }
        guard case .invalidValue(_, let context) = error else { Issue.record("\(error)"); return }
        // Here the path leads to the container that is one level too deep.
        #expect(context.codingPath.count == 511)
        #expect(context.codingPath.allSatisfy { $0.intValue == 0 })
    }
}
