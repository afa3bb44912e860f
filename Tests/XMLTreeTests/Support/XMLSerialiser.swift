import XMLTree

/// Writes a tree back as XML with `XMLEscaping`, for round trips. An element's text is written before
/// its children: the tree keeps text concatenated, not interleaved, so that is the same tree.
enum XMLSerialiser {
    static func document(_ root: XMLElement) -> String {
        var output = ""
        write(root, to: &output)
        return output
    }

    private static func write(_ element: XMLElement, to output: inout String) {
        output += "<" + element.name
        for (name, value) in element.attributes.sorted(by: { $0.key < $1.key }) {
            output += " " + name + "=\""
            XMLEscaping.append(attribute: value, to: &output)
            output += "\""
        }
        guard !element.text.isEmpty || !element.children.isEmpty else {
            output += "/>"
            return
        }
        output += ">"
        XMLEscaping.append(text: element.text, to: &output)
        for child in element.children {
            write(child, to: &output)
        }
        output += "</" + element.name + ">"
    }
}
