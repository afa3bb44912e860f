/// A ZIP file (PKWARE APPNOTE 6.3) built in memory: deflated entries in the order added, each local
/// header complete with its CRC and sizes (no data descriptors), one fixed modification time, no extra
/// fields, no Zip64: the plainest form, which every OOXML reader takes. Entry names are ASCII.
struct ZipArchive {
    private var bytes: [UInt8] = []
    private var centralDirectory: [UInt8] = []
    private var entryCount = 0
    private let time: UInt16
    private let date: UInt16

    /// Every entry gets `modified` as its time (MS-DOS format: local time by convention, two-second
    /// steps, 1980 to 2107, clamped into that range).
    init(modified: CivilDateTime) {
        if modified.year < 1980 {
            (time, date) = (0, 1 << 5 | 1)
        } else if modified.year > 2107 {
            (time, date) = (23 << 11 | 59 << 5 | 29, 127 << 9 | 12 << 5 | 31)
        } else {
            time = UInt16(modified.hour << 11 | modified.minute << 5 | modified.second / 2)
            date = UInt16((modified.year - 1980) << 9 | modified.month << 5 | modified.day)
        }
    }

    mutating func add(_ path: String, _ text: String) throws(WorkbookError) {
        var text = text
        // `withUTF8` rethrows untyped errors: carry the typed one out as a result.
        let added = text.withUTF8 { utf8 in
            Result { () throws(WorkbookError) in try add(path, UnsafeRawBufferPointer(utf8)) }
        }
        try added.get()
    }

    mutating func add(_ path: String, _ contents: UnsafeRawBufferPointer) throws(WorkbookError) {
        // Without Zip64, sizes and offsets are 32-bit and the entry count 16-bit.
        guard contents.count < UInt32.max, bytes.count < UInt32.max, entryCount < UInt16.max else { throw .packageTooLarge }
        let offset = UInt32(bytes.count)
        let crc = Deflate.crc32(contents)
        let name = Array(path.utf8)
        var header = ZipArchive.fields(signature: 0x0403_4B50, [UInt16(20), 0, 8, time, date])
        let compressedSizeField = header.count + 4
        ZipArchive.append(crc, to: &header)
        ZipArchive.append(UInt32(0), to: &header)  // the compressed size, known once compressed
        ZipArchive.append(UInt32(contents.count), to: &header)
        ZipArchive.append(UInt16(name.count), to: &header)
        ZipArchive.append(UInt16(0), to: &header)
        bytes += header
        bytes += name
        let compressedSize = try Deflate.compress(contents, appendingTo: &bytes)
        guard compressedSize < UInt32.max else { throw .packageTooLarge }
        ZipArchive.write(UInt32(compressedSize), into: &bytes, at: Int(offset) + compressedSizeField)

        // Central directory entry: made by and needing version 2.0 (deflate), no attributes, no comment.
        var entry = ZipArchive.fields(signature: 0x0201_4B50, [UInt16(20), 20, 0, 8, time, date])
        ZipArchive.append(crc, to: &entry)
        ZipArchive.append(UInt32(compressedSize), to: &entry)
        ZipArchive.append(UInt32(contents.count), to: &entry)
        for field: UInt16 in [UInt16(name.count), 0, 0, 0, 0] { ZipArchive.append(field, to: &entry) }
        ZipArchive.append(UInt32(0), to: &entry)
        ZipArchive.append(offset, to: &entry)
        centralDirectory += entry
        centralDirectory += name
        entryCount += 1
    }

    /// The archive: entries, central directory, end record.
    consuming func finish() throws(WorkbookError) -> [UInt8] {
        guard bytes.count + centralDirectory.count < UInt32.max else { throw .packageTooLarge }
        let directoryOffset = UInt32(bytes.count)
        bytes += centralDirectory
        var end = ZipArchive.fields(signature: 0x0605_4B50, [UInt16(0), 0, UInt16(entryCount), UInt16(entryCount)])
        ZipArchive.append(UInt32(centralDirectory.count), to: &end)
        ZipArchive.append(directoryOffset, to: &end)
        ZipArchive.append(UInt16(0), to: &end)
        bytes += end
        return bytes
    }

    private static func fields(signature: UInt32, _ values: [UInt16]) -> [UInt8] {
        var bytes: [UInt8] = []
        append(signature, to: &bytes)
        for value in values { append(value, to: &bytes) }
        return bytes
    }

    /// Little-endian, as every ZIP field is.
    private static func append<Value: FixedWidthInteger>(_ value: Value, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: Value.bitWidth, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    private static func write(_ value: UInt32, into bytes: inout [UInt8], at offset: Int) {
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }
}
