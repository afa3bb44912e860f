import Testing
import XMLTree

/// A response cut off at any byte, as a dropped connection leaves it, is refused with a typed error,
/// never a trap, until the root element's end tag has arrived.
@Suite struct TruncationTests {
    @Test(arguments: ["all-constructs.xml", "iam-list-users.xml"])
    func everyPrefixIsRefusedUntilTheRootCloses(_ name: String) throws {
        let document = try Fixture.bytes(name)
        let complete = try XMLDocument.parse(document)
        // Both fixtures end with the root's end tag and a line break.
        let rootEnd = try #require(document.lastIndex(of: UInt8(ascii: ">"))) + 1
        var refused = 0
        for length in 0..<document.count {
            switch Result(catching: { () throws(XMLError) in try XMLDocument.parse(Array(document[..<length])) }) {
            case .success(let tree):
                #expect(length >= rootEnd, "prefix of \(length) bytes accepted")
                #expect(tree == complete)
            case .failure(let error):
                #expect(length < rootEnd, "prefix of \(length) bytes refused: \(error)")
                refused += 1
            }
        }
        #expect(refused == rootEnd)
    }

}
