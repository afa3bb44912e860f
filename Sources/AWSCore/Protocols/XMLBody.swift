import XMLTree

/// An answer's body as XML. Some servers start it with a newline, which XML does not allow before the
/// declaration: leading whitespace is skipped first.
enum XMLBody {
    static func parse(_ body: [UInt8]) throws(XMLError) -> XMLElement {
        let start = body.firstIndex { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) } ?? body.endIndex
        return try XMLTree.XMLDocument.parse(Array(body[start...]))
    }
}
