/// An element of a parsed document, as AWS responses use it: names without namespaces, attributes,
/// child elements in document order, and the element's own text.
public struct XMLElement: Sendable, Equatable {
    /// The local name: `soap:Envelope` is `Envelope`.
    public var name: String
    /// Attributes by local name; namespace declarations (`xmlns`, `xmlns:p`) are not attributes here.
    public var attributes: [String: String]
    public var children: [XMLElement]
    /// The element's own character data, CDATA included, concatenated in document order: the text of
    /// its children is theirs. Whitespace stays as written (line ends read as LF, as XML requires),
    /// so an element holding only children usually has indentation here; trim when that matters.
    public var text: String

    public init(name: String, attributes: [String: String] = [:], children: [XMLElement] = [], text: String = "") {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The first child with this local name.
    public func child(_ name: String) -> XMLElement? {
        children.first { $0.name == name }
    }

    /// Every child with this local name, in document order: the `<member>` or `<item>` of a list.
    public func children(named name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// The element reached by taking the first child of each name in turn, e.g.
    /// `path("GetCallerIdentityResult", "Account")`; `self` for no names.
    public func path(_ names: String...) -> XMLElement? {
        var element = self
        for name in names {
            guard let next = element.child(name) else { return nil }
            element = next
        }
        return element
    }

    /// Whether the element has no child elements (its value, if any, is its `text`).
    public var isLeaf: Bool {
        children.isEmpty
    }
}
