import Foundation
import TestSupport
import Testing
@testable import OpsCore

@Suite struct GzipTests {
    static func pythonGunzip(_ bytes: [UInt8]) throws -> Data {
        try PythonScript.run("Tests/OpsCoreTests/Fixtures/gunzip.py", input: Data(bytes))
    }

    @Test(arguments: [0, 1, 100, 65_535, 65_536, 300_000])
    func pythonReadsBackExactlyWhatWasCompressed(length: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("<td>&amp;\"'한국어 🚨 ́ report row\n")
        let text = String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
        let compressed = try Gzip.compress(text)
        #expect(compressed.starts(with: [0x1F, 0x8B]), "a gzip member header")
        #expect(try Self.pythonGunzip(compressed) == Data(text.utf8))
    }

    @Test func aLargeRepetitiveReportShrinksTenfold() throws {
        let row = "<tr><td>2026-11-25 08:59</td><td>12345</td><td>[P2] Storm &lt;12&gt;</td><td>triggered</td></tr>\n"
        let text = String(repeating: row, count: 20_000)
        let compressed = try Gzip.compress(text)
        #expect(compressed.count * 10 < text.utf8.count)
        #expect(try Self.pythonGunzip(compressed).count == text.utf8.count)
    }
}
