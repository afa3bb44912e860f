import JSONCoding
import Testing

/// The Decoder side of the contract: container semantics and the errors Foundation reports.
@Suite struct JSONDecodingTests {
    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoding().decode(type, from: Array(text.utf8))
    }

    private func failure<T: Decodable>(_ type: T.Type, _ text: String) -> ErrorSummary? {
        do {
            _ = try decode(type, text)
            return nil
        } catch {
            return ErrorSummary(error)
        }
    }

    @Test func decodesSynthesizedCodableTypes() throws {
        struct Alert: Decodable, Equatable {
            enum Severity: String, Decodable { case low, high }
            var id: Int
            var title: String
            var severity: Severity
            var tags: [String]
            var score: Double?
            var owner: String?
        }
        let alert = try decode(Alert.self, #"{"id":7,"title":"disk","severity":"high","tags":["a","b"],"score":null}"#)
        #expect(alert == Alert(id: 7, title: "disk", severity: .high, tags: ["a", "b"], score: nil, owner: nil))
    }

    @Test func acceptsAnyByteCollection() throws {
        let bytes = Array(#"[1,2]"#.utf8)
        #expect(try JSONDecoding().decode([Int].self, from: bytes) == [1, 2])
        #expect(try JSONDecoding().decode([Int].self, from: bytes[...]) == [1, 2])
        #expect(try JSONDecoding().decode([Int].self, from: #"[1,2]"#.utf8) == [1, 2])
        #expect(try JSONDecoding().decode([Int].self, from: ContiguousArray(bytes)) == [1, 2])
    }

    @Test func duplicateKeysKeepTheFirstValueAsFoundationDoes() throws {
        #expect(try decode([String: Int].self, #"{"a":1,"a":2}"#) == ["a": 1])
        // The later duplicate is never looked at, even when it would not decode.
        #expect(try decode([String: Int].self, #"{"a":1,"a":"x"}"#) == ["a": 1])
        struct One: Decodable { var a: Int }
        #expect(try decode(One.self, #"{"a":1,"a":2}"#).a == 1)
    }

    @Test func keysMatchUpToCanonicalEquivalenceLikeSwiftStrings() throws {
        struct Accent: Decodable {
            var value: Int
            enum CodingKeys: String, CodingKey { case value = "caf\u{E9}" }
        }
        #expect(try decode(Accent.self, "{\"cafe\u{301}\":1}").value == 1)
        #expect(try decode(Accent.self, #"{"caf\u00e9":2}"#).value == 2)
    }

    @Test func keyedContainerReportsKeysAndNulls() throws {
        struct Probe: Decodable {
            var keys: [String] = []
            var contains: [Bool] = []
            var nils: [Bool] = []
            var missingNil: ErrorSummary?
            var presentTypes: [Int?] = []
            var wrongType: ErrorSummary?
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: AnyKey.self)
                keys = container.allKeys.map(\.stringValue)
                contains = ["a", "n", "missing"].map { container.contains(AnyKey($0)) }
                nils = try ["a", "n"].map { try container.decodeNil(forKey: AnyKey($0)) }
                do { _ = try container.decodeNil(forKey: AnyKey("missing")) } catch { missingNil = ErrorSummary(error) }
                presentTypes = try ["a", "n", "missing"].map { try container.decodeIfPresent(Int.self, forKey: AnyKey($0)) }
                do { _ = try container.decodeIfPresent(Int.self, forKey: AnyKey("s")) } catch { wrongType = ErrorSummary(error) }
            }
        }
        let probe = try decode(Probe.self, #"{"a":1,"b":2,"a":3,"n":null,"s":"x"}"#)
        #expect(probe.keys == ["a", "b", "n", "s"])
        #expect(probe.contains == [true, true, false])
        #expect(probe.nils == [false, true])
        #expect(probe.missingNil?.kind == "keyNotFound")
        #expect(probe.presentTypes == [1, nil, nil])
        #expect(probe.wrongType?.kind == "typeMismatch")
        #expect(probe.wrongType?.path == ["s"])
    }

    @Test func largeObjectsLookUpEveryMember() throws {
        // Past the linear-search limit the container indexes its keys; both paths must agree.
        var members: [String] = []
        for index in 0..<200 { members.append("\"k\(index)\":\(index)") }
        members.append(#""k5":-1"#)
        let decoded = try decode([String: Int].self, "{" + members.joined(separator: ",") + "}")
        #expect(decoded.count == 200)
        #expect(decoded["k5"] == 5)
        #expect(decoded["k199"] == 199)
    }

    @Test func unkeyedContainerCountsAndAdvancesOnlyOnSuccess() throws {
        struct Probe: Decodable {
            var log: [String] = []
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                log.append("count \(container.count ?? -1) index \(container.currentIndex)")
                log.append("nil \(try container.decodeNil()) index \(container.currentIndex)")
                log.append("nil \(try container.decodeNil()) index \(container.currentIndex)")
                do { _ = try container.decode(String.self) } catch { log.append("\(ErrorSummary(error)) index \(container.currentIndex)") }
                log.append("int \(try container.decode(Int.self)) index \(container.currentIndex)")
                log.append("ifPresent \(String(describing: try container.decodeIfPresent(Int.self))) index \(container.currentIndex)")
                log.append("end \(container.isAtEnd)")
                do { _ = try container.decode(Int.self) } catch { log.append("\(ErrorSummary(error))") }
                log.append("ifPresent at end \(String(describing: try container.decodeIfPresent(Int.self)))")
            }
        }
        let probe = try decode(Probe.self, "[null, 1, null]")
        #expect(probe.log == [
            "count 3 index 0",
            "nil true index 1",
            "nil false index 1",
            "typeMismatch(String) at [\"Index 1#1\"] index 1",
            "int 1 index 2",
            "ifPresent nil index 3",
            "end true",
            "valueNotFound(Int) at [\"Index 3#3\"]",
            "ifPresent at end nil",
        ])
    }

    @Test func arraysOfOptionalsAndNullsInPlainArrays() throws {
        #expect(try decode([Int?].self, "[1,null,3]") == [1, nil, 3])
        let error = failure([Int].self, "[1,null]")
        #expect(error?.kind == "valueNotFound")
        #expect(error?.path == ["Index 1#1"])
    }

    @Test func dictionariesWithIntKeysUseTheStandardLibrarysRules() throws {
        #expect(try decode([Int: String].self, #"{"1":"a","-2":"b"}"#) == [1: "a", -2: "b"])
        #expect(failure([Int: String].self, #"{"x":"a"}"#)?.kind == "typeMismatch")
    }

    @Test func stringEnumsDecodeOnlyTheirCases() throws {
        enum Kind: String, Decodable { case a, b }
        #expect(try decode([Kind].self, #"["a","b"]"#) == [.a, .b])
        let error = failure([Kind].self, #"["a","c"]"#)
        #expect(error?.kind == "dataCorrupted")
        #expect(error?.path == ["Index 1#1"])
    }

    @Test func scalarsComeOnlyFromTheirOwnKind() throws {
        #expect(failure(Bool.self, "1")?.kind == "typeMismatch")
        #expect(failure(Bool.self, "\"true\"")?.kind == "typeMismatch")
        #expect(failure(Int.self, "true")?.kind == "typeMismatch")
        #expect(failure(String.self, "1")?.kind == "typeMismatch")
        #expect(failure(Double.self, "\"1\"")?.kind == "typeMismatch")
        #expect(failure(Int.self, "null")?.kind == "valueNotFound")
        // Foundation alone reports null for a Bool as typeMismatch; here it is valueNotFound, as
        // for every other type and as Codable documents it.
        #expect(failure(Bool.self, "null")?.kind == "valueNotFound")
        #expect(failure([String: Bool].self, #"{"a":null}"#) == ErrorSummary(DecodingError.valueNotFound(Bool.self, .init(codingPath: [AnyKey("a")], debugDescription: ""))))
        #expect(try decode(Int?.self, "null") == nil)
    }

    @Test func containersOfTheWrongKindOrNull() throws {
        struct Point: Decodable { var x: Int }
        #expect(failure(Point.self, "[]") == ErrorSummary(DecodingError.typeMismatch([String: Any].self, .init(codingPath: [], debugDescription: ""))))
        #expect(failure(Point.self, "null") == ErrorSummary(DecodingError.valueNotFound([String: Any].self, .init(codingPath: [], debugDescription: ""))))
        #expect(failure([Int].self, "{}") == ErrorSummary(DecodingError.typeMismatch([Any].self, .init(codingPath: [], debugDescription: ""))))
        #expect(failure(Point.self, "{}") == ErrorSummary(DecodingError.keyNotFound(AnyKey("x"), .init(codingPath: [], debugDescription: ""))))
    }

    @Test func numbersThatDoNotFitAreDataCorruptedAtTheirPath() throws {
        let error = failure([String: Int8].self, #"{"a":300}"#)
        #expect(error?.kind == "dataCorrupted")
        #expect(error?.path == ["a"])
        do {
            _ = try decode([String: Int8].self, #"{"a":300}"#)
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription == "Parsed JSON number <300> does not fit in Int8.")
        }
    }

    @Test func superDecoderReadsSuperOrNullWhenAbsent() throws {
        class Base: Decodable {
            var id: Int?
        }
        final class Derived: Base {
            var name: String
            enum CodingKeys: String, CodingKey { case name }
            required init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                name = try container.decode(String.self, forKey: .name)
                try super.init(from: container.superDecoder())
            }
        }
        let full = try decode(Derived.self, #"{"name":"d","super":{"id":7}}"#)
        #expect(full.name == "d")
        #expect(full.id == 7)
        // Without "super" the superclass sees null, and its keyed container is not there.
        let withoutSuper = failure(Derived.self, #"{"name":"d"}"#)
        #expect(withoutSuper == ErrorSummary(DecodingError.valueNotFound([String: Any].self, .init(codingPath: [AnyKey("super")], debugDescription: ""))))
        #expect(withoutSuper == Outcome<Int> { _ = try FoundationReference.decode(Derived.self, from: Array(#"{"name":"d"}"#.utf8)); return 0 }.failureSummary)

        struct ReadsMissing: Decodable {
            var path: [String]
            var isNil: Bool
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: AnyKey.self)
                let superDecoder = try container.superDecoder(forKey: AnyKey("absent"))
                path = superDecoder.codingPath.map(\.stringValue)
                isNil = try superDecoder.singleValueContainer().decodeNil()
            }
        }
        let missing = try decode(ReadsMissing.self, "{}")
        #expect(missing.path == ["absent"])
        #expect(missing.isNil)
    }

    @Test func codingPathsAreReportedInsideNestedContainers() throws {
        struct Deep: Decodable {
            var paths: [[String]] = []
            init(from decoder: any Decoder) throws {
                let top = try decoder.container(keyedBy: AnyKey.self)
                let object = try top.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("o"))
                var list = try object.nestedUnkeyedContainer(forKey: AnyKey("l"))
                paths.append(list.codingPath.map(\.stringValue))
                let element = try list.superDecoder()
                paths.append(element.codingPath.map(\.stringValue))
            }
        }
        #expect(try decode(Deep.self, #"{"o":{"l":[{}]}}"#).paths == [["o", "l"], ["o", "l", "Index 0"]])
    }

    @Test func depthLimitIsConfigurable() throws {
        #expect(try decode([[[Int]]].self, "[[[1]]]") == [[[1]]])
        #expect(throws: DecodingError.self) { try JSONDecoding(maximumDepth: 2).decode([[[Int]]].self, from: Array("[[[1]]]".utf8)) }
        #expect(try JSONDecoding(maximumDepth: 3).decode([[[Int]]].self, from: Array("[[[1]]]".utf8)) == [[[1]]])
    }
}
