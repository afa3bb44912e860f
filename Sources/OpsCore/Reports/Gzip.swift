import CZlib

/// gzip (RFC 1952) of a report. Reports are stored compressed with `Content-Encoding: gzip`, which
/// browsers undo transparently: a 20,000-alert report is ~6 MB of HTML but a few hundred KB on a phone,
/// and the function never holds a second uncompressed copy of it.
enum Gzip {
    struct Failure: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "zlib failed with code \(code)" }
    }

    static func compress(_ text: String) throws -> [UInt8] {
        var text = text
        return try text.withUTF8 { input in
            var stream = z_stream()
            // 15 window bits + 16: a gzip header and trailer rather than zlib's.
            let initialised = deflateInit2_(
                &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard initialised == Z_OK else { throw Failure(code: initialised) }
            defer { deflateEnd(&stream) }
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            // Output in chunks: a buffer of deflateBound's size would be as large as the input.
            var output: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            var status = Z_OK
            while status == Z_OK {
                let produced = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    status = deflate(&stream, Z_FINISH)
                    return buffer.count - Int(stream.avail_out)
                }
                output.append(contentsOf: chunk[..<produced])
            }
            guard status == Z_STREAM_END else { throw Failure(code: status) }
            return output
        }
    }
}
