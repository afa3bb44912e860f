import Testing
import XMLTree

/// Mutated AWS responses: every one ends in a tree or a typed error, and every tree survives being
/// written with `XMLEscaping` and read again.
@Suite struct MutationFuzzTests {
    /// The EC2 response is left out: five times the size of the others, it would cost the most and
    /// add no construct that they lack.
    static let fixtures = Fixture.names.filter { $0 != "ec2-describe-instances.xml" }
    static let documentsPerFixture = 20_000 / fixtures.count + 1

    /// Fragments that reach the parser's edges: markup starts and ends, references, encodings, line ends.
    private static let fragments: [[UInt8]] = [
        "<", ">", "/", "&", "&amp;", "&lt;", "&#0;", "&#x1F680;", "&#xD800;", "&#65;", "&nbsp;", ";", "]]>", "<![CDATA[",
        "<!--", "-->", "--", "\"", "'", "=", " ", "\t", "\r\n", "\r", "\n", "</a>", "<a>", "<a/>", "<b x='1'>",
        " x=\"&quot;\"", " xmlns:p=\"urn:p\"", "p:", ":", "<!DOCTYPE a>", "<?pi x?>", "<?xml version=\"1.0\"?>",
        "한", "🚀", "\u{FFFE}", "\u{0}", "\u{1}",
    ].map { Array($0.utf8) } + [[0xEF, 0xBB, 0xBF], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF0, 0x9F], [0x80]]

    @Test(arguments: fixtures)
    func mutatedDocumentsParseOrFailCleanly(_ name: String) throws {
        let original = try Fixture.bytes(name)
        var generator = SeededGenerator(seed: UInt64(name.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }.magnitude))
        var accepted = 0
        for _ in 0..<Self.documentsPerFixture {
            var document = original
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                mutate(&document, using: &generator)
            }
            switch Result(catching: { () throws(XMLError) in try XMLDocument.parse(document) }) {
            case .success(let tree):
                accepted += 1
                let rewritten = XMLSerialiser.document(tree)
                #expect(try XMLDocument.parse(rewritten) == tree, "\(rewritten.prefix(200))")
            case .failure(let error):
                let lines = 1 + document.indices.filter { index in
                    document[index] == 0x0A ? index == 0 || document[index - 1] != 0x0D : document[index] == 0x0D
                }.count
                #expect((1...lines).contains(error.line) && error.column >= 1, "\(error)")
                #expect(error.description.hasPrefix("XML line \(error.line), column \(error.column): "))
            }
        }
        // Enough mutations keep the document well-formed that the round trip is exercised too.
        #expect(accepted > Self.documentsPerFixture / 20)
    }

    private func mutate(_ document: inout [UInt8], using generator: inout SeededGenerator) {
        let position = Int.random(in: 0...document.count, using: &generator)
        switch Int.random(in: 0..<6, using: &generator) {
        case 0 where position < document.count:
            document[position] = UInt8.random(in: 0...255, using: &generator)
        case 1, 2:
            document.insert(contentsOf: Self.fragments.randomElement(using: &generator)!, at: position)
        case 3:
            let end = min(document.count, position + Int.random(in: 1...16, using: &generator))
            document.removeSubrange(position..<end)
        case 4:
            let end = min(document.count, position + Int.random(in: 1...64, using: &generator))
            let copy = document[position..<end]
            document.insert(contentsOf: copy, at: Int.random(in: 0...document.count, using: &generator))
        default:
            document.removeSubrange(position...)
        }
    }
}
