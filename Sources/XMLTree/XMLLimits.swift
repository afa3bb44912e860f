/// Bounds on what one document may cost, so that a hostile or broken response ends in an `XMLError`
/// instead of exhausting memory or the stack.
public struct XMLLimits: Sendable, Equatable {
    /// Elements nested inside each other, the root counting as 1. The parser itself is iterative, but
    /// `==` on `XMLElement` and its deallocation recurse once per level, so this also bounds the stack.
    public var maxDepth: Int
    /// The input's size in bytes, checked before anything is read.
    public var maxBytes: Int
    /// Attributes on one element, namespace declarations included.
    public var maxAttributesPerElement: Int
    /// A name's length in UTF-8 bytes: element, attribute, entity and processing-instruction names.
    public var maxNameLength: Int

    public init(
        maxDepth: Int = 256,
        maxBytes: Int = 64 << 20,
        maxAttributesPerElement: Int = 256,
        maxNameLength: Int = 1024
    ) {
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
        self.maxAttributesPerElement = maxAttributesPerElement
        self.maxNameLength = maxNameLength
    }
}
