import XMLTree

extension AWSValue {
    /// An XML element as a tree: a leaf element is its text, any other its child elements in document order.
    /// Attributes carry nothing the operations read (namespaces, `xsi:type`) and are left out.
    public init(xml element: XMLElement) {
        if element.children.isEmpty {
            self = .string(element.text)
        } else {
            self = .structure(element.children.map { Member($0.name, AWSValue(xml: $0)) })
        }
    }
}
