import CZlib

/// zlib's raw deflate (RFC 1951, no zlib or gzip framing: ZIP frames it) and its CRC-32.
enum Deflate {
    /// Compresses `input` onto the end of `output`; returns how many bytes it added.
    static func compress(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(WorkbookError) -> Int {
        var stream = z_stream()
        // Negative window bits ask for raw deflate; 8 is zlib's default memory level.
        let status = deflateInit2_(
            &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw .compressionFailed(status) }
        defer { deflateEnd(&stream) }
        // deflateBound is enough for one Z_FINISH call: grow the output once and compress into it in place.
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        let start = output.count
        output += repeatElement(0, count: bound)
        let result = output.withUnsafeMutableBufferPointer { buffer in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = buffer.baseAddress! + start
            stream.avail_out = uInt(bound)
            return deflate(&stream, Z_FINISH)
        }
        guard result == Z_STREAM_END else { throw .compressionFailed(result) }
        let produced = bound - Int(stream.avail_out)
        output.removeLast(bound - produced)
        return produced
    }

    static func crc32(_ input: UnsafeRawBufferPointer) -> UInt32 {
        UInt32(CZlib.crc32(0, input.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(input.count)))
    }
}
