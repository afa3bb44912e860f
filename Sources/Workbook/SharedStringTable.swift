import XMLTree

/// `xl/sharedStrings.xml`: every distinct text of the workbook once, numbered in order of first use;
/// cells hold the number. That is the form Excel itself writes (it rewrites inline strings into it
/// on save) and it keeps repeated values (regions, states, "ok") from repeating in the file.
struct SharedStringTable {
    private var strings: [String] = []
    private var numbers: [ExactText: Int] = [:]
    /// Cells that refer to the table, repeats included: the `count` Excel writes.
    private var references = 0

    mutating func number(for text: String) -> Int {
        references += 1
        let key = ExactText(text: text)
        if let number = numbers[key] { return number }
        numbers[key] = strings.count
        strings.append(text)
        return strings.count - 1
    }

    func xml() -> String {
        var xml = PackageLayout.xmlDeclaration
        xml.reserveCapacity(strings.reduce(xml.utf8.count + 100) { $0 + $1.utf8.count + 40 })
        xml += "<sst xmlns=\"\(PackageLayout.Namespace.spreadsheet)\" count=\"\(references)\" uniqueCount=\"\(strings.count)\">"
        for text in strings {
            // Excel drops spaces at either end unless told to keep them.
            let keepsSpace = text.first.map(\.isWhitespace) == true || text.last.map(\.isWhitespace) == true
            xml += keepsSpace ? "<si><t xml:space=\"preserve\">" : "<si><t>"
            XMLEscaping.append(text: EscapedUnicodeText.escaped(text), to: &xml)
            xml += "</t></si>"
        }
        xml += "</sst>"
        return xml
    }

    /// Text compared by its UTF-8 bytes. `String`'s own `==` treats canonically equivalent text as equal
    /// (a precomposed `é` and `e` with a combining accent; Hangul syllables and their jamo), which would
    /// write one cell's bytes into another's: a file name or tag value must come back as it was given.
    private struct ExactText: Hashable {
        let text: String

        static func == (lhs: ExactText, rhs: ExactText) -> Bool {
            lhs.text.utf8.count == rhs.text.utf8.count && lhs.text.utf8.elementsEqual(rhs.text.utf8)
        }

        func hash(into hasher: inout Hasher) {
            var text = text
            // Native strings are contiguous already; only one bridged from Objective-C is copied.
            text.makeContiguousUTF8()
            _ = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}
