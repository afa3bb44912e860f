/// SpreadsheetML text (`ST_Xstring`) reads `_xHHHH_` as the character U+HHHH: that is how Excel writes
/// characters XML cannot hold. Text that contains such a sequence literally (`_x0041_` in a tag value)
/// would come back changed, so its underscore is itself written escaped, as `_x005F_`, the way Excel does.
enum EscapedUnicodeText {
    static func escaped(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.contains(UInt8(ascii: "_")) else { return text }
        let utf8 = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + 14)
        for (index, byte) in utf8.enumerated() {
            if byte == UInt8(ascii: "_"), startsEscape(utf8, at: index) {
                output += "_x005F".utf8
            }
            output.append(byte)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether `_xHHHH_` starts at `index` (hex digits either case, as readers accept).
    private static func startsEscape(_ utf8: [UInt8], at index: Int) -> Bool {
        guard index + 6 < utf8.count, utf8[index + 1] == UInt8(ascii: "x"), utf8[index + 6] == UInt8(ascii: "_") else {
            return false
        }
        return utf8[(index + 2)...(index + 5)].allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): true
            default: false
            }
        }
    }
}
