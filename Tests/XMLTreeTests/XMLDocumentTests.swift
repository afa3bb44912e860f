import Testing
import XMLTree

@Suite struct XMLDocumentTests {
    @Test func readsEveryConstructOfTheSampleDocument() throws {
        let envelope = try XMLDocument.parse(Fixture.bytes("all-constructs.xml"))

        #expect(envelope.name == "Envelope")
        #expect(envelope.attributes.isEmpty)
        #expect(envelope.children.map(\.name) == ["Header", "Body"])
        let body = try #require(envelope.child("Body"))
        #expect(body.attributes == ["lang": "ko"])
        let items = body.children(named: "Item")
        #expect(items.map(\.attributes) == [["id": "1", "kind": "quoted \"double\"", "type": "Instance"], ["id": "2"]])

        let item = items[0]
        #expect(item.child("Name")?.text == "서버 <prod> & 'staging' \"dr\"")
        #expect(item.child("Emoji")?.text == "🚀 🚀 🚀")
        #expect(item.child("Script")?.text == "if (a < b && c > d) { alert(\"]]\"); }")
        #expect(item.child("Mixed")?.text == "beforeafterend")
        #expect(item.path("Mixed", "b")?.text == "bold")
        #expect(item.child("Empty") == XMLElement(name: "Empty"))
        let spaces = try #require(item.child("Spaces"))
        #expect(spaces.text == "  line one\n  line two\n  line three  ")
        #expect(spaces.attributes["attr"] == "tab\tnewline\ncr\r")
    }

    @Test func keepsWhitespaceBetweenElementsAsText() throws {
        let root = try XMLDocument.parse("<a>\n  <b> x </b>\n\t<c/>\n</a>")
        #expect(root.text == "\n  \n\t\n")
        #expect(root.child("b")?.text == " x ")
    }

    @Test func readsTheFivePredefinedEntitiesAndCharacterReferences() throws {
        let root = try XMLDocument.parse("<a>&lt;&gt;&amp;&apos;&quot;&#65;&#x42;&#x0000043;&#xd55c;&#54620;&#x10FFFF;</a>")
        #expect(root.text == "<>&'\"ABC한한\u{10FFFF}")
    }

    @Test func normalisesLineEndsInTextAndCDATA() throws {
        let root = try XMLDocument.parse("<a>1\r\n2\r3\n<![CDATA[4\r\n5\r6]]>&#13;</a>")
        #expect(root.text == "1\n2\n3\n4\n5\n6\r")
    }

    @Test func normalisesWhitespaceInAttributeValuesButKeepsReferences() throws {
        let root = try XMLDocument.parse("<a x=\"1\t2\n3\r\n4\r5\" y='&#9;&#10;&#13;'/>")
        #expect(root.attributes == ["x": "1 2 3 4 5", "y": "\t\n\r"])
    }

    @Test func acceptsBothQuotesAndWhitespaceAroundTheEqualsSign() throws {
        let root = try XMLDocument.parse("<a  x = \"it's\"\n y\t=\t'say \"hi\"' z=\">\" ></a >")
        #expect(root.attributes == ["x": "it's", "y": "say \"hi\"", "z": ">"])
    }

    @Test func dropsNamespacePrefixesAndDeclarations() throws {
        let document = """
            <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns="urn:default" xmlns:a="urn:a">
              <s:Body><a:Result a:kind="list" plain="yes"><Value>1</Value></a:Result></s:Body>
            </s:Envelope>
            """
        let root = try XMLDocument.parse(document)
        #expect(root.name == "Envelope")
        #expect(root.attributes.isEmpty)
        let result = try #require(root.path("Body", "Result"))
        #expect(result.attributes == ["kind": "list", "plain": "yes"])
        #expect(result.child("Value")?.text == "1")
    }

    @Test func skipsTheDeclarationCommentsAndProcessingInstructions() throws {
        let document = "<?xml version='1.0' encoding='utf-8'?><!--a--><?pi?><a><!-- b --><?pi x y?>t<!---->u</a><!--c--><?pi?>"
        #expect(try XMLDocument.parse(document) == XMLElement(name: "a", text: "tu"))
    }

    @Test func acceptsAByteOrderMarkAndADeclarationAfterIt() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\"?><a>x</a>".utf8)
        #expect(try XMLDocument.parse(bytes) == XMLElement(name: "a", text: "x"))
    }

    @Test func selfClosingAndEmptyElementsAreTheSame() throws {
        let root = try XMLDocument.parse("<a><b/><b></b><b x='1' /></a>")
        #expect(root.children == [XMLElement(name: "b"), XMLElement(name: "b"), XMLElement(name: "b", attributes: ["x": "1"])])
    }

    @Test func acceptsNonASCIINames() throws {
        let root = try XMLDocument.parse("<데이터 속성=\"값\"><ñame·x/></데이터>")
        #expect(root.name == "데이터")
        #expect(root.attributes == ["속성": "값"])
        #expect(root.child("ñame·x") != nil)
    }

    @Test func textOverloadReadsTheSameAsBytes() throws {
        let bytes = try Fixture.bytes("iam-list-users.xml")
        #expect(try XMLDocument.parse(String(decoding: bytes, as: UTF8.self)) == XMLDocument.parse(bytes))
    }
}
