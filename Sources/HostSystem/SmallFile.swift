#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a whole file that should be small (a TZif file, an AWS config file) with POSIX calls. The size is
/// checked on the open descriptor, so a FIFO or `/dev/zero` placed at the path cannot hang or exhaust the
/// process, and a file that grows while it is read is refused rather than cut.
public enum RegularFile {
    public enum ReadError: Error, Equatable, CustomStringConvertible {
        case notFound(path: String)
        case notRegular(path: String)
        case tooLarge(path: String, size: Int, limit: Int)
        case changed(path: String)
        case failed(path: String, operation: String, errno: Int32)

        public var description: String {
            switch self {
            case .notFound(let path): "\(path): no such file"
            case .notRegular(let path): "\(path): not a regular file"
            case .tooLarge(let path, let size, let limit): "\(path): \(size) bytes, more than the \(limit) allowed"
            case .changed(let path): "\(path): changed while it was read"
            case .failed(let path, let operation, let code): "\(path): \(operation) failed: \(String(cString: strerror(code)))"
            }
        }
    }

    /// The file's bytes. `stat` semantics: symbolic links are followed (tzdata's alias names are links).
    public static func read(_ path: String, limit: Int) throws(ReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            throw code == ENOENT || code == ENOTDIR ? .notFound(path: path) : .failed(path: path, operation: "open", errno: code)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .failed(path: path, operation: "stat", errno: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notRegular(path: path) }
        let size = Int(info.st_size)
        guard size <= limit else { throw .tooLarge(path: path, size: size, limit: limit) }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while true {
            let count = bytes.withUnsafeMutableBytes { buffer in
                readDescriptor(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .failed(path: path, operation: "read", errno: errno)
            }
            if count == 0 { break }
            filled += count
            // One byte of room beyond `stat`'s size tells a file that grew from one that was read whole.
            guard filled <= size else { throw .changed(path: path) }
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// As `read(_:limit:)`, but a missing file is nil (the AWS SDKs treat a missing config file as empty).
    public static func readIfPresent(_ path: String, limit: Int) throws(ReadError) -> [UInt8]? {
        do {
            return try read(path, limit: limit)
        } catch .notFound {
            return nil
        }
    }
}

private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
