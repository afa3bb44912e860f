/// Foundation's `JSONEncoder` without Foundation: the Lambda functions link this instead of
/// FoundationEssentials, so the output is kept byte-identical to `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` (plus `.prettyPrinted` when asked) — stored payloads,
/// signatures and golden files stay valid whichever side wrote them.
public struct JSONEncoding: Sendable {
    /// Foundation's layout: two spaces per level, `" : "` between key and value, and an empty
    /// container spelled over two lines (`[\n\n]`), kept for byte-identical output.
    public var prettyPrinted: Bool

    public init(prettyPrinted: Bool = false) {
        self.prettyPrinted = prettyPrinted
    }

    /// Keys are always sorted (by their UTF-8 bytes, as Foundation's `.sortedKeys` does) so that the
    /// same value always gives the same bytes: no option to turn it off, nobody should depend on
    /// dictionary order.
    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONValueEncoder(path: .root)
        guard let tree = try encoder.tree(for: value) else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        var writer = JSONWriter(prettyPrinted: prettyPrinted)
        do {
            try writer.write(tree)
        } catch let error as JSONWriter.NestingTooDeep {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: error.codingPath,
                debugDescription: "Unable to encode the given top-level value to JSON: containers nest deeper than \(JSONWriter.maximumDepth - 1) levels."))
        }
        return writer.bytes
    }
}
