import JSONCoding
import Testing

/// Input an attacker controls (webhook bodies, queue messages): it must fail cleanly or round-trip
/// unchanged, within bounded stack and linear time.
@Suite struct HostileInputTests {
    @Test func deepNestingFailsWithoutExhaustingTheStack() throws {
        for open in ["[", "{\"a\":"] {
            let bytes = Array(String(repeating: open, count: 100_000).utf8)
            let error = try #require(throws: DecodingError.self) { try JSONDecoding().decode(JSONValue.self, from: bytes) }
            guard case .dataCorrupted(let context) = error else { Issue.record("\(error)"); continue }
            #expect(context.debugDescription.hasSuffix("maximum depth of 512 at byte offset \(512 * open.utf8.count)."))
        }
        // Balanced, too: the limit applies while parsing, not only to unclosed input.
        let balanced = Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        #expect(throws: DecodingError.self) { try JSONDecoding().decode(JSONValue.self, from: balanced) }
    }

    @Test func hugeNumbersAreRefusedOrRoundedButNeverTrap() throws {
        let digits = String(repeating: "9", count: 100_000)
        #expect(throws: DecodingError.self) { try JSONDecoding().decode(Int.self, from: Array(digits.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoding().decode(Double.self, from: Array(digits.utf8)) }
        #expect(try JSONDecoding().decode(Double.self, from: Array(("0." + digits).utf8)) == 1)
        #expect(throws: DecodingError.self) { try JSONDecoding().decode(Int.self, from: Array("1e9223372036854775807".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoding().decode(Double.self, from: Array("1e99999999999999999999999".utf8)) }
        #expect(try JSONDecoding().decode(Int.self, from: Array(("1" + String(repeating: "0", count: 50_000) + "e-50000").utf8)) == 1)
    }

    @Test func invalidUTF8AndNulBytesAreRejectedWherever() throws {
        let cases: [[UInt8]] = [
            [0xFF], [0x22, 0xFF, 0xFE, 0x22], Array(#"{"a":""#.utf8) + [0xC3] + Array(#""}"#.utf8),
            Array(#"{""#.utf8) + [0xED, 0xBF, 0xBF] + Array(#"":1}"#.utf8), [0x00], [0x5B, 0x00, 0x5D],
            Array(#"["a"#.utf8) + [0x00] + Array(#"b"]"#.utf8),
        ]
        for bytes in cases {
            #expect(throws: DecodingError.self, "\(bytes)") { try JSONDecoding().decode(JSONValue.self, from: bytes) }
        }
        // Escaped, a NUL is just a character and survives the round trip.
        let nul = "a\u{0}b"
        #expect(try JSONDecoding().decode(String.self, from: JSONEncoding().encode(nul)) == nul)
    }

    @Test(arguments: [
        "</script><script>alert(1)</script>", "=cmd|' /C calc'!A0", "+SUM(1,1)", "-2+3", "@IMPORTXML(x)",
        "\u{2028}\u{2029}", "\"'\\`${x}", "\u{FEFF}bom", "🏳️‍🌈 e\u{301} \u{10FFFF}", "\u{0}\u{1F}\u{7F}",
    ])
    func dangerousStringsRoundTripUnchanged(text: String) throws {
        let bytes = try JSONEncoding().encode(["value": text])
        #expect(try JSONDecoding().decode([String: String].self, from: bytes) == ["value": text])
        #expect(try FoundationReference.decode([String: String].self, from: bytes) == ["value": text])
    }

    @Test func megabyteStringsRoundTrip() throws {
        let plain = String(repeating: "abcdefghij", count: 100_000)
        #expect(try JSONDecoding().decode(String.self, from: JSONEncoding().encode(plain)) == plain)
        let escaped = String(repeating: "\"\\\n\u{1}é😀/", count: 100_000)
        let bytes = try JSONEncoding().encode(escaped)
        #expect(bytes == (try FoundationReference.encode(escaped)))
        #expect(try JSONDecoding().decode(String.self, from: bytes) == escaped)
    }

    /// Quadratic behaviour would show as a large ratio between a 1 MB and a 10 MB document; the
    /// bound is loose (timing on shared CI is noisy) but catches O(n²) (ratio ~100).
    @Test func tenMegabytesDecodeInLinearTime() throws {
        func document(entries: Int) -> [UInt8] {
            var text = "["
            for index in 0..<entries {
                if index > 0 { text += "," }
                text += #"{"id":\#(index),"name":"item \#(index)","tags":["a","b"],"score":\#(Double(index) / 7),"ok":true}"#
            }
            return Array((text + "]").utf8)
        }
        struct Item: Decodable { var id: Int; var name: String; var tags: [String]; var score: Double; var ok: Bool }
        let small = document(entries: 12_000)
        let large = document(entries: 120_000)
        #expect(large.count > 10_000_000)
        let clock = ContinuousClock()
        _ = try JSONDecoding().decode([Item].self, from: small)
        var smallCount = 0
        var largeCount = 0
        let smallTime = try clock.measure { smallCount = try JSONDecoding().decode([Item].self, from: small).count }
        let largeTime = try clock.measure { largeCount = try JSONDecoding().decode([Item].self, from: large).count }
        #expect(smallCount == 12_000)
        #expect(largeCount == 120_000)
        #expect(largeTime < smallTime * 30, "1 MB: \(smallTime), 10 MB: \(largeTime)")

        // One object with many keys, and one long array of scalars.
        let wide = Array(("{" + (0..<200_000).map { #""k\#($0)":\#($0)"# }.joined(separator: ",") + "}").utf8)
        #expect(try JSONDecoding().decode([String: Int].self, from: wide).count == 200_000)
        let long = Array(("[" + (0..<1_000_000).map(String.init).joined(separator: ",") + "]").utf8)
        #expect(try JSONDecoding().decode([Int].self, from: long).count == 1_000_000)
    }
}
