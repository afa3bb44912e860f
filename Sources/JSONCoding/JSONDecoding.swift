/// Foundation's `JSONDecoder` without Foundation, for the Lambda functions: same acceptance of
/// well-formed input and same `DecodingError` cases and coding paths, stricter where Foundation is
/// lenient by accident (UTF-16 input, integers that are only integral after rounding to `Double`).
public struct JSONDecoding: Sendable {
    /// Arrays and objects nested deeper than this are refused while parsing, before any tree is
    /// built: the limit protects the parser and, more importantly, the recursive `init(from:)`
    /// calls that would follow. 512 is Foundation's limit (512 levels pass, 513 do not).
    public var maximumDepth: Int

    public init(maximumDepth: Int = 512) {
        self.maximumDepth = maximumDepth
    }

    /// The whole input is validated (RFC 8259, UTF-8) before decoding starts, so malformed JSON is
    /// reported as a syntax error even where the type would not have looked.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws -> T {
        let array = (bytes as? [UInt8]) ?? Array(bytes)
        let document = try JSONParser.parse(array, maximumDepth: maximumDepth)
        return try document.decode(T.self, node: 0, path: .root)
    }
}
