#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a whole file that should be small (a TZif file, an AWS config file) with POSIX calls, never more
/// than a limit. What may be read is chosen by the caller: a function at init reads regular files only (a
/// FIFO or `/dev/zero` placed at a tzdata path must not hang or exhaust it); an operator may hand the
/// command line a config file through a pipe (`AWS_CONFIG_FILE=<(…)`), read until its end or the limit.
public enum SmallFile {
    public enum Kinds: Sendable {
        case regularFiles
        case regularFilesAndStreams
    }

    public enum ReadError: Error, Equatable, CustomStringConvertible {
        case notFound(path: String)
        case notRegular(path: String)
        case tooLarge(path: String, limit: Int)
        case changed(path: String)
        case failed(path: String, operation: String, errno: Int32)

        public var description: String {
            switch self {
            case .notFound(let path): "\(path): no such file"
            case .notRegular(let path): "\(path): not a regular file"
            case .tooLarge(let path, let limit): "\(path): more than the \(limit) bytes allowed"
            case .changed(let path): "\(path): changed while it was read"
            case .failed(let path, let operation, let code): "\(path): \(operation) failed: \(String(cString: strerror(code)))"
            }
        }
    }

    /// The file's bytes. Symbolic links are followed (tzdata's alias names are links).
    public static func read(_ path: String, limit: Int, accepting kinds: Kinds = .regularFiles) throws(ReadError) -> [UInt8] {
        // O_NONBLOCK keeps the open of a FIFO from waiting for a writer when only regular files are wanted;
        // O_NOCTTY keeps a terminal path from becoming the process's controlling terminal.
        let flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | (kinds == .regularFiles ? O_NONBLOCK : 0)
        let descriptor = open(path, flags)
        guard descriptor >= 0 else {
            let code = errno
            throw code == ENOENT || code == ENOTDIR ? .notFound(path: path) : .failed(path: path, operation: "open", errno: code)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .failed(path: path, operation: "stat", errno: errno) }
        let mode = info.st_mode & S_IFMT
        if mode == S_IFREG {
            let size = Int(info.st_size)
            guard size <= limit else { throw .tooLarge(path: path, limit: limit) }
            // One byte of room beyond `stat`'s size tells a file that grew from one that was read whole.
            let bytes = try readAll(descriptor, path: path, capacity: size + 1)
            guard bytes.count <= size else { throw .changed(path: path) }
            return bytes
        }
        guard kinds == .regularFilesAndStreams, mode == S_IFIFO || mode == S_IFCHR || mode == S_IFSOCK else {
            throw .notRegular(path: path)
        }
        let bytes = try readAll(descriptor, path: path, capacity: limit + 1)
        guard bytes.count <= limit else { throw .tooLarge(path: path, limit: limit) }
        return bytes
    }

    /// As `read(_:limit:accepting:)`, but a missing file is nil (the AWS SDKs treat a missing config file as empty).
    public static func readIfPresent(_ path: String, limit: Int, accepting kinds: Kinds = .regularFiles) throws(ReadError) -> [UInt8]? {
        do {
            return try read(path, limit: limit, accepting: kinds)
        } catch .notFound {
            return nil
        }
    }

    /// Reads until the end of the file or until `capacity` bytes are in.
    private static func readAll(_ descriptor: Int32, path: String, capacity: Int) throws(ReadError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: capacity)
        var filled = 0
        while filled < capacity {
            let count = bytes.withUnsafeMutableBytes { buffer in
                readDescriptor(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .failed(path: path, operation: "read", errno: errno)
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(capacity - filled)
        return bytes
    }
}

private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
