import AWSCore
import CZlib

/// Reads a stored report as a browser would: inflated when S3 says `Content-Encoding: gzip`.
public enum Gunzip {
    public struct Failure: Error { public var code: Int32 }

    public static func text(_ object: S3Object) throws -> String {
        guard object.contentEncoding == "gzip" else { return String(decoding: object.body, as: UTF8.self) }
        return String(decoding: try inflate(object.body), as: UTF8.self)
    }

    public static func inflate(_ compressed: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        var status = inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw Failure(code: status) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        var input = compressed
        try input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            repeat {
                let produced = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return buffer.count - Int(stream.avail_out)
                }
                output.append(contentsOf: chunk[..<produced])
            } while status == Z_OK
            guard status == Z_STREAM_END else { throw Failure(code: status) }
        }
        return output
    }
}
