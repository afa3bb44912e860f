/// Nests the scanner's tokens into elements. The open elements live on an explicit stack, so depth
/// costs heap bounded by `maxDepth`, never call stack.
enum XMLTreeBuilder {
    private struct OpenElement {
        var name: String
        var qualifiedName: Range<Int>
        var offset: Int
        var attributes: [String: String]
        var children: [XMLElement] = []
        /// Reused by every element opened at this depth, so text buffers are allocated once per depth.
        var text: [UInt8] = []
    }

    static func build(_ scanner: inout XMLScanner, maxDepth: Int) throws(XMLError) -> XMLElement {
        var open: [OpenElement] = []
        var depth = 0
        var root: XMLElement? = nil
        // The scanner accepts no character data outside the root, so this stays empty.
        var outside: [UInt8] = []

        func attach(_ element: XMLElement) {
            if depth == 0 {
                root = element
            } else {
                open[depth - 1].children.append(element)
            }
        }

        while true {
            let token =
                depth == 0
                ? try scanner.next(inContent: false, text: &outside)
                : try scanner.next(inContent: true, text: &open[depth - 1].text)
            switch token {
            case .startTag(let tag):
                guard depth > 0 || root == nil else {
                    throw XMLError(.multipleRootElements, at: tag.offset, in: scanner.bytes)
                }
                guard depth < maxDepth else {
                    throw XMLError(.tooDeep(limit: maxDepth), at: tag.offset, in: scanner.bytes)
                }
                if tag.isSelfClosing {
                    attach(XMLElement(name: tag.name, attributes: tag.attributes))
                } else if depth < open.count {
                    open[depth].name = tag.name
                    open[depth].qualifiedName = tag.qualifiedName
                    open[depth].offset = tag.offset
                    open[depth].attributes = tag.attributes
                    depth += 1
                } else {
                    open.append(
                        OpenElement(name: tag.name, qualifiedName: tag.qualifiedName, offset: tag.offset, attributes: tag.attributes))
                    depth += 1
                }
            case .endTag(let tag):
                let found = scanner.bytes[tag.qualifiedName]
                guard depth > 0 else {
                    throw XMLError(.unexpectedEndTag(XMLError.excerpt(found)), at: tag.offset, in: scanner.bytes)
                }
                let expected = scanner.bytes[open[depth - 1].qualifiedName]
                guard found.elementsEqual(expected) else {
                    let reason = XMLError.Reason.mismatchedEndTag(
                        found: XMLError.excerpt(found, limit: XMLError.excerptLength / 2),
                        expected: XMLError.excerpt(expected, limit: XMLError.excerptLength / 2))
                    throw XMLError(reason, at: tag.offset, in: scanner.bytes)
                }
                depth -= 1
                let element = XMLElement(
                    name: open[depth].name,
                    attributes: open[depth].attributes,
                    children: open[depth].children,
                    text: String(decoding: open[depth].text, as: UTF8.self))
                // Emptied rather than removed, so the moved arrays stay unshared and the text buffer is kept.
                open[depth].attributes = [:]
                open[depth].children = []
                open[depth].text.removeAll(keepingCapacity: true)
                attach(element)
            case .characterData:
                continue
            case .endOfInput:
                if depth > 0 {
                    let name = XMLError.excerpt(scanner.bytes[open[depth - 1].qualifiedName])
                    throw XMLError(.unclosedElement(name), at: open[depth - 1].offset, in: scanner.bytes)
                }
                guard let root else {
                    throw XMLError(.noRootElement, at: scanner.bytes.count, in: scanner.bytes)
                }
                return root
            }
        }
    }
}
