import Testing
import XMLTree

@Suite struct XMLElementTests {
    private let list = XMLElement(
        name: "Users",
        children: [
            XMLElement(name: "member", children: [XMLElement(name: "UserName", text: "a")]),
            XMLElement(name: "marker", text: "m"),
            XMLElement(name: "member", children: [XMLElement(name: "UserName", text: "b")]),
        ])

    @Test func childIsTheFirstOfItsName() {
        #expect(list.child("member")?.child("UserName")?.text == "a")
        #expect(list.child("Member") == nil)
    }

    @Test func childrenNamedKeepsDocumentOrder() {
        #expect(list.children(named: "member").compactMap { $0.child("UserName")?.text } == ["a", "b"])
        #expect(list.children(named: "absent").isEmpty)
    }

    @Test func pathFollowsFirstChildren() {
        #expect(list.path("member", "UserName")?.text == "a")
        #expect(list.path("member", "absent") == nil)
        #expect(list.path() == list)
    }

    @Test func leafHasNoChildElements() {
        #expect(list.child("marker")?.isLeaf == true)
        #expect(!list.isLeaf)
        #expect(XMLElement(name: "empty").isLeaf)
    }

    @Test func equalityIncludesEveryPart() {
        let element = XMLElement(name: "a", attributes: ["x": "1"], children: [XMLElement(name: "b")], text: "t")
        #expect(element == XMLElement(name: "a", attributes: ["x": "1"], children: [XMLElement(name: "b")], text: "t"))
        #expect(element != XMLElement(name: "a", attributes: ["x": "2"], children: [XMLElement(name: "b")], text: "t"))
        #expect(element != XMLElement(name: "a", attributes: ["x": "1"], children: [], text: "t"))
        #expect(element != XMLElement(name: "a", attributes: ["x": "1"], children: [XMLElement(name: "b")], text: "t "))
    }
}
