import Foundation

/// The reference the library must match: Foundation's coders configured as the functions used them.
enum FoundationReference {
    static func encode<T: Encodable>(_ value: T, prettyPrinted: Bool = false) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = prettyPrinted
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try JSONDecoder().decode(type, from: Data(bytes))
    }
}

/// What two errors are compared on: the case, the type or key it names, and the coding path.
/// Messages are not compared; they are free to be better than Foundation's.
struct ErrorSummary: Equatable, CustomStringConvertible {
    var kind: String
    var subject: String
    var path: [String]

    init(_ error: any Error) {
        switch error {
        case DecodingError.typeMismatch(let type, let context):
            self.init(kind: "typeMismatch", subject: "\(type)", path: context.codingPath)
        case DecodingError.valueNotFound(let type, let context):
            self.init(kind: "valueNotFound", subject: "\(type)", path: context.codingPath)
        case DecodingError.keyNotFound(let key, let context):
            self.init(kind: "keyNotFound", subject: key.stringValue, path: context.codingPath)
        case DecodingError.dataCorrupted(let context):
            self.init(kind: "dataCorrupted", subject: "", path: context.codingPath)
        case EncodingError.invalidValue(let value, let context):
            self.init(kind: "invalidValue", subject: "\(type(of: value))", path: context.codingPath)
        default:
            self.init(kind: "other", subject: "\(error)", path: [])
        }
    }

    private init(kind: String, subject: String, path: [any CodingKey]) {
        self.kind = kind
        self.subject = subject
        self.path = path.map { key in key.intValue.map { "\(key.stringValue)#\($0)" } ?? key.stringValue }
    }

    var description: String { "\(kind)(\(subject)) at \(path)" }
}

/// The outcome of one decode, comparable across the two decoders.
enum Outcome<T: Equatable>: Equatable {
    case value(T)
    case failure(ErrorSummary)

    init(_ body: () throws -> T) {
        do {
            self = .value(try body())
        } catch {
            self = .failure(ErrorSummary(error))
        }
    }

    var failureSummary: ErrorSummary? {
        if case .failure(let summary) = self { return summary }
        return nil
    }

    var succeeded: Bool {
        if case .value = self { return true }
        return false
    }
}
