import CZlib

/// A minimal ZIP reader for checking the writer's container: the end record, every central directory
/// entry against its local header, and each entry inflated and checked against its size and CRC-32.
struct ZipReader {
    struct Entry {
        let name: String
        let method: UInt16
        let flags: UInt16
        let time: UInt16
        let date: UInt16
        let crc: UInt32
        let compressedSize: Int
        let size: Int
        let contents: [UInt8]
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    let entries: [Entry]

    init(_ bytes: [UInt8]) throws {
        func u16(_ offset: Int) -> UInt16 { UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8 }
        func u32(_ offset: Int) -> UInt32 { UInt32(u16(offset)) | UInt32(u16(offset + 2)) << 16 }
        // The writer adds no archive comment, so the end record is the last 22 bytes.
        let end = bytes.count - 22
        guard end >= 0, u32(end) == 0x0605_4B50 else { throw Malformed(description: "no end of central directory record") }
        let count = Int(u16(end + 10))
        var offset = Int(u32(end + 16))
        guard Int(u32(end + 16)) + Int(u32(end + 12)) == end else {
            throw Malformed(description: "central directory size and offset disagree")
        }
        var entries: [Entry] = []
        for _ in 0..<count {
            guard u32(offset) == 0x0201_4B50 else { throw Malformed(description: "bad central directory entry at \(offset)") }
            let nameLength = Int(u16(offset + 28))
            let extraLength = Int(u16(offset + 30))
            let commentLength = Int(u16(offset + 32))
            let local = Int(u32(offset + 42))
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            let compressedSize = Int(u32(offset + 20))
            guard u32(local) == 0x0403_4B50, u16(local + 8) == u16(offset + 10), u32(local + 14) == u32(offset + 16),
                Int(u32(local + 18)) == compressedSize, u32(local + 22) == u32(offset + 24), Int(u16(local + 26)) == nameLength
            else { throw Malformed(description: "local header of \(name) disagrees with the central directory") }
            let dataStart = local + 30 + nameLength + Int(u16(local + 28))
            let entry = Entry(
                name: name, method: u16(offset + 10), flags: u16(offset + 8), time: u16(offset + 12), date: u16(offset + 14),
                crc: u32(offset + 16), compressedSize: compressedSize, size: Int(u32(offset + 24)),
                contents: try ZipReader.inflate(Array(bytes[dataStart..<(dataStart + compressedSize)]), size: Int(u32(offset + 24))))
            guard UInt32(crc32(0, entry.contents, uInt(entry.contents.count))) == entry.crc else {
                throw Malformed(description: "CRC-32 of \(name) does not match")
            }
            entries.append(entry)
            offset += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    subscript(name: String) -> [UInt8]? {
        entries.first { $0.name == name }?.contents
    }

    private static func inflate(_ compressed: [UInt8], size: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Malformed(description: "inflateInit2 failed")
        }
        defer { inflateEnd(&stream) }
        // One byte more than announced, so that data longer than its stated size shows as a mismatch.
        var output = [UInt8](repeating: 0, count: size + 1)
        var input = compressed
        let status = input.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                stream.next_in = input.baseAddress
                stream.avail_in = uInt(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = uInt(output.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, Int(stream.total_out) == size else {
            throw Malformed(description: "inflate ended with \(status) after \(stream.total_out) of \(size) bytes")
        }
        return Array(output[..<size])
    }
}
