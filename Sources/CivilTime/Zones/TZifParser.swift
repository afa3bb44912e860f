/// Reads TZif files (tzfile(5), RFC 8536), versions 1 to 4: the 64-bit section when there is one (the
/// 32-bit one stops in 2038), and the footer's POSIX TZ string for instants past the last transition.
/// Every count and index is checked against the data, so a truncated or hostile file is an error, not a
/// crash. Leap-second records are skipped: they only appear in the `right/` zones, which count TAI-style.
struct TZifParser {
    enum Failure: Error, Equatable {
        case malformed(String)
    }

    /// Decoded tzdata files are at most a few tens of kilobytes.
    static let maximumSize = 1 << 20

    private let bytes: [UInt8]
    private var position = 0

    static func parse(_ bytes: [UInt8]) throws(Failure) -> TransitionTable {
        guard bytes.count <= maximumSize else { throw .malformed("larger than \(maximumSize) bytes") }
        var parser = TZifParser(bytes: bytes)
        let first = try parser.header()
        guard first.version >= 2 else { return try parser.body(first, timeSize: 4) }
        parser.position += first.v1BodyLength
        let second = try parser.header()
        var table = try parser.body(second, timeSize: 8)
        table = TransitionTable(times: table.times, types: table.types, initial: table.initial, footer: try parser.footer())
        return table
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private struct Header {
        let version: Int
        let isUTCount, isStandardCount, leapCount, timeCount, typeCount, characterCount: Int

        var v1BodyLength: Int {
            timeCount * 5 + typeCount * 6 + characterCount + leapCount * 8 + isStandardCount + isUTCount
        }
    }

    private mutating func header() throws(Failure) -> Header {
        guard try take(4) == Array("TZif".utf8) else { throw .malformed("no TZif magic") }
        let versionByte = try take(1)[0]
        let version: Int
        switch versionByte {
        case 0: version = 1
        case 0x32...0x39: version = Int(versionByte - 0x30)
        default: throw .malformed("unknown version byte \(versionByte)")
        }
        _ = try take(15)
        var counts: [Int] = []
        for _ in 0..<6 {
            let value = try integer(size: 4)
            // Real files hold a few hundred of each; this bound also keeps the length arithmetic small.
            guard (0...100_000).contains(value) else { throw .malformed("implausible count \(value)") }
            counts.append(Int(value))
        }
        let header = Header(
            version: version, isUTCount: counts[0], isStandardCount: counts[1], leapCount: counts[2],
            timeCount: counts[3], typeCount: counts[4], characterCount: counts[5])
        guard header.typeCount >= 1 else { throw .malformed("no local time types") }
        return header
    }

    private mutating func body(_ header: Header, timeSize: Int) throws(Failure) -> TransitionTable {
        var times: [Int64] = []
        for _ in 0..<header.timeCount {
            let time = try integer(size: timeSize)
            guard times.last.map({ $0 < time }) ?? true else { throw .malformed("transition times not ascending") }
            times.append(time)
        }
        let indices = try take(header.timeCount).map(Int.init)
        var rawTypes: [(offset: Int, isDST: Bool, abbreviationIndex: Int)] = []
        for _ in 0..<header.typeCount {
            let offset = Int(try integer(size: 4))
            // RFC 8536 allows −89999…93599 seconds (about ±25 h); anything else is a corrupt file.
            guard (-89_999...93_599).contains(offset) else { throw .malformed("UTC offset \(offset) out of range") }
            let flags = try take(2)
            guard flags[0] <= 1 else { throw .malformed("DST flag \(flags[0])") }
            rawTypes.append((offset, flags[0] == 1, Int(flags[1])))
        }
        let characters = try take(header.characterCount)
        _ = try take(header.leapCount * (timeSize + 4) + header.isStandardCount + header.isUTCount)

        var types: [LocalTimeType] = []
        for raw in rawTypes {
            guard raw.abbreviationIndex < characters.count else { throw .malformed("abbreviation index out of range") }
            let abbreviation = characters[raw.abbreviationIndex...].prefix { $0 != 0 }
            types.append(LocalTimeType(
                offset: UTCOffset(unchecked: raw.offset),
                abbreviation: String(decoding: abbreviation, as: UTF8.self),
                isDaylightSaving: raw.isDST))
        }
        guard indices.allSatisfy({ $0 < types.count }) else { throw .malformed("type index out of range") }
        return TransitionTable(times: times, types: indices.map { types[$0] }, initial: types[0], footer: nil)
    }

    /// `\n<TZ string>\n`; an empty string means "no rule beyond the table". A rule this reader does not
    /// understand is dropped (the table still answers up to its last transition) rather than failing the zone.
    private mutating func footer() throws(Failure) -> POSIXTimeZone? {
        guard position < bytes.count else { return nil }
        guard try take(1)[0] == 0x0A else { throw .malformed("footer does not start with a newline") }
        guard let end = bytes[position...].firstIndex(of: 0x0A) else { throw .malformed("unterminated footer") }
        let text = String(decoding: bytes[position..<end], as: UTF8.self)
        position = end + 1
        return text.isEmpty ? nil : POSIXTimeZone(parsing: text)
    }

    private mutating func take(_ count: Int) throws(Failure) -> [UInt8] {
        guard count >= 0, bytes.count - position >= count else { throw .malformed("truncated") }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    /// A big-endian two's-complement integer of 4 or 8 bytes.
    private mutating func integer(size: Int) throws(Failure) -> Int64 {
        let raw = try take(size)
        var value: UInt64 = 0
        for byte in raw { value = value << 8 | UInt64(byte) }
        return size == 4 ? Int64(Int32(truncatingIfNeeded: value)) : Int64(bitPattern: value)
    }
}
