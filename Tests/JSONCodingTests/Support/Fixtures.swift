/// Every scalar width, optionals, nested collections and the Codable shapes the functions use.
struct AllWidths: Codable, Equatable {
    enum Level: String, Codable, Equatable {
        case info, warning, critical
    }

    var int8: Int8
    var int16: Int16
    var int32: Int32
    var int64: Int64
    var int: Int
    var uint8: UInt8
    var uint16: UInt16
    var uint32: UInt32
    var uint64: UInt64
    var uint: UInt
    var float: Float
    var double: Double
    var bool: Bool
    var string: String
    var optionalInt: Int?
    var optionalString: String?
    var optionals: [Int?]
    var level: Level
    var series: [String: [Double]]
    var byNumber: [Int: String]
    var children: [AllWidths]?

    static func random(_ random: inout RandomJSON, depth: Int = 0) -> AllWidths {
        let int8 = random.integer(Int8.self), int16 = random.integer(Int16.self)
        let int32 = random.integer(Int32.self), int64 = random.integer(Int64.self), int = random.integer(Int.self)
        let uint8 = random.integer(UInt8.self), uint16 = random.integer(UInt16.self)
        let uint32 = random.integer(UInt32.self), uint64 = random.integer(UInt64.self), uint = random.integer(UInt.self)
        let float = random.float()
        let double = random.double()
        let bool = random.bool()
        let string = random.string()
        let optionalInt: Int? = random.bool() ? nil : random.int(in: -5...5)
        let optionalString: String? = random.bool() ? nil : random.string()
        let optionals: [Int?] = (0..<random.int(in: 0...4)).map { _ in random.bool() ? nil : random.int(in: -9...9) }
        let level = [Level.info, .warning, .critical][random.int(in: 0...2)]
        var series: [String: [Double]] = [:]
        for _ in 0..<random.int(in: 0...3) {
            series[random.string(pieces: RandomJSON.keyPieces, maxPieces: 2)] = (0..<random.int(in: 0...3)).map { _ in random.double() }
        }
        var byNumber: [Int: String] = [:]
        for _ in 0..<random.int(in: 0...3) {
            byNumber[random.int(in: -20...20)] = random.string(maxPieces: 2)
        }
        let children: [AllWidths]? = depth < 2 && random.bool()
            ? (0..<random.int(in: 0...2)).map { _ in AllWidths.random(&random, depth: depth + 1) }
            : nil
        return AllWidths(
            int8: int8, int16: int16, int32: int32, int64: int64, int: int, uint8: uint8, uint16: uint16,
            uint32: uint32, uint64: uint64, uint: uint, float: float, double: double, bool: bool, string: string,
            optionalInt: optionalInt, optionalString: optionalString, optionals: optionals, level: level,
            series: series, byNumber: byNumber, children: children)
    }
}
