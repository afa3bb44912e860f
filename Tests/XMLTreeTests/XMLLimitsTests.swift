import Testing
import XMLTree

/// Hostile documents end in a result or a typed error, in time linear in their size.
@Suite struct XMLLimitsTests {
    private func nested(_ depth: Int, closed: Bool) -> String {
        String(repeating: "<a>", count: depth) + (closed ? String(repeating: "</a>", count: depth) : "")
    }

    @Test func fiftyThousandNestedElementsFailOnDepthNotTheStack() {
        let tooDeep = XMLError(.tooDeep(limit: 256), line: 1, column: 256 * 3 + 1)
        #expect(throws: tooDeep) { try XMLDocument.parse(nested(50_000, closed: false)) }
        #expect(throws: tooDeep) { try XMLDocument.parse(nested(50_000, closed: true)) }
    }

    @Test func depthLimitCountsTheRootAsOne() throws {
        var element = try XMLDocument.parse(nested(256, closed: true))
        var depth = 1
        while let child = element.children.first {
            element = child
            depth += 1
        }
        #expect(depth == 256)
        #expect(throws: XMLError(.tooDeep(limit: 256), line: 1, column: 256 * 3 + 1)) {
            try XMLDocument.parse(String(repeating: "<a>", count: 256) + "<b/>" + String(repeating: "</a>", count: 256))
        }
        #expect(throws: XMLError(.tooDeep(limit: 1), line: 1, column: 4)) {
            try XMLDocument.parse("<a><b/></a>", limits: XMLLimits(maxDepth: 1))
        }
    }

    @Test func defaultsAreTheDocumentedOnes() {
        #expect(XMLLimits() == XMLLimits(maxDepth: 256, maxBytes: 64 * 1024 * 1024, maxAttributesPerElement: 256, maxNameLength: 1024))
    }

    @Test func sizeIsCheckedBeforeReading() {
        let limits = XMLLimits(maxBytes: 8)
        #expect(throws: XMLError(.inputTooLarge(limit: 8), line: 1, column: 1)) { try XMLDocument.parse("<a>12345</a>", limits: limits) }
        #expect(throws: XMLError(.inputTooLarge(limit: 8), line: 1, column: 1)) {
            try XMLDocument.parse(Array("<a>123456".utf8) + [0xFF], limits: limits)
        }
        #expect(throws: Never.self) { try XMLDocument.parse("<a>123</a>", limits: XMLLimits(maxBytes: 10)) }
    }

    @Test func namesAreBoundedInBytes() throws {
        let limits = XMLLimits(maxNameLength: 8)
        #expect(try XMLDocument.parse("<abcdefgh/>", limits: limits).name == "abcdefgh")
        #expect(throws: XMLError(.nameTooLong(limit: 8), line: 1, column: 2)) { try XMLDocument.parse("<abcdefghi/>", limits: limits) }
        #expect(throws: XMLError(.nameTooLong(limit: 8), line: 1, column: 2)) { try XMLDocument.parse("<가나다/>", limits: limits) }
        #expect(throws: XMLError(.nameTooLong(limit: 8), line: 1, column: 4)) {
            try XMLDocument.parse("<a abcdefghi='1'/>", limits: limits)
        }
        #expect(throws: XMLError(.nameTooLong(limit: 1024), line: 1, column: 5)) {
            try XMLDocument.parse("<a>&" + String(repeating: "x", count: 1_000_000) + ";</a>")
        }
    }

    @Test func aMegabyteOfAttributesStopsAtTheCountLimit() {
        let attributes = (0..<100_000).map { " a\($0)='1'" }.joined()
        let the257th = 4 + (0..<256).map { " a\($0)='1'".count }.reduce(0, +)
        #expect(throws: XMLError(.tooManyAttributes(limit: 256), line: 1, column: the257th)) {
            try XMLDocument.parse("<e" + attributes + "/>")
        }
    }

    @Test func aMegabyteOfAttributesUnderAHigherLimitParses() throws {
        let attributes = (0..<100_000).map { " a\($0)='\($0)'" }.joined()
        let element = try XMLDocument.parse("<e" + attributes + "/>", limits: XMLLimits(maxAttributesPerElement: 100_000))
        #expect(element.attributes.count == 100_000)
        #expect(element.attributes["a99999"] == "99999")
        #expect(throws: XMLError(.duplicateAttribute("a0"), line: 1, column: 3 + attributes.count + 1)) {
            try XMLDocument.parse("<e" + attributes + " a0='x'/>", limits: XMLLimits(maxAttributesPerElement: 200_000))
        }
    }

    @Test func aMegabyteAttributeValueParses() throws {
        let value = String(repeating: "&amp;&lt;&gt;", count: 150_000)
        let element = try XMLDocument.parse("<e v='\(value)'/>")
        #expect(element.attributes["v"] == String(repeating: "&<>", count: 150_000))
    }

    @Test func twoMillionEntityReferencesDecode() throws {
        let element = try XMLDocument.parse("<a>" + String(repeating: "&amp;", count: 2_000_000) + "</a>")
        #expect(element.text == String(repeating: "&", count: 2_000_000))
    }

    @Test func manyUnclosedCommentsAndCDATAEndsStayLinear() {
        #expect(throws: XMLError(.unterminatedComment, line: 1, column: 4)) {
            try XMLDocument.parse("<a><!--" + String(repeating: "-x", count: 200_000))
        }
        #expect(throws: XMLError(.unterminatedCDATA, line: 1, column: 4)) {
            try XMLDocument.parse("<a><![CDATA[" + String(repeating: "]]", count: 200_000))
        }
        #expect(throws: XMLError(.unclosedElement("a"), line: 1, column: 1)) {
            try XMLDocument.parse("<a>" + String(repeating: "<b/>", count: 200_000))
        }
    }
}
