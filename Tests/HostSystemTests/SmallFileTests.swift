import Glibc
import HostSystem
import Testing

/// Reading small files without Foundation: what a function does at init with tzdata and AWS config files.
@Suite struct RegularFileTests {
    /// A fresh directory per test, removed with its files.
    final class Directory {
        let path: String

        init() throws {
            var template = Array("/tmp/hostsystem-XXXXXX".utf8CString)
            let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
            path = try #require(made.map { String(cString: $0) })
        }

        func write(_ name: String, _ bytes: [UInt8]) -> String {
            let file = path + "/" + name
            let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            precondition(descriptor >= 0)
            _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
            return file
        }

        deinit {
            if let directory = opendir(path) {
                while let entry = readdir(directory) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                    if name != "." && name != ".." { unlink(path + "/" + name) }
                }
                closedir(directory)
            }
            rmdir(path)
        }
    }

    @Test func aFileIsReadWholeWhateverItsBytes() throws {
        let directory = try Directory()
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(try RegularFile.read(directory.write("data", bytes), limit: 1 << 20) == bytes)
        #expect(try RegularFile.read(directory.write("empty", []), limit: 0) == [])
    }

    @Test func aFileOverTheLimitIsRefusedWithItsSize() throws {
        let directory = try Directory()
        let path = directory.write("big", [UInt8](repeating: 0x41, count: 1025))
        #expect(throws: RegularFile.ReadError.tooLarge(path: path, size: 1025, limit: 1024)) { try RegularFile.read(path, limit: 1024) }
        #expect(try RegularFile.read(path, limit: 1025).count == 1025)
    }

    @Test func aMissingFileIsNotFoundAndNilWhenOptional() throws {
        let directory = try Directory()
        let path = directory.path + "/absent"
        #expect(throws: RegularFile.ReadError.notFound(path: path)) { try RegularFile.read(path, limit: 10) }
        #expect(try RegularFile.readIfPresent(path, limit: 10) == nil)
        #expect(try RegularFile.readIfPresent(directory.path + "/absent/below", limit: 10) == nil)
    }

    /// A FIFO would block a plain read forever and `/dev/zero` would never end: both are refused at once.
    @Test func whatIsNotARegularFileIsRefusedWithoutReading() throws {
        let directory = try Directory()
        let fifo = directory.path + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: RegularFile.ReadError.notRegular(path: fifo)) { try RegularFile.read(fifo, limit: 10) }
        #expect(throws: RegularFile.ReadError.notRegular(path: "/dev/zero")) { try RegularFile.read("/dev/zero", limit: 10) }
        #expect(throws: RegularFile.ReadError.notRegular(path: directory.path)) { try RegularFile.read(directory.path, limit: 10) }
    }

    @Test func aSymbolicLinkIsFollowed() throws {
        let directory = try Directory()
        let target = directory.write("target", Array("rules".utf8))
        let link = directory.path + "/link"
        #expect(symlink(target, link) == 0)
        #expect(try RegularFile.read(link, limit: 10) == Array("rules".utf8))
    }

    @Test func errorsNameThePathAndTheReason() {
        #expect(RegularFile.ReadError.tooLarge(path: "/x", size: 20, limit: 10).description == "/x: 20 bytes, more than the 10 allowed")
        #expect(RegularFile.ReadError.failed(path: "/x", operation: "open", errno: EACCES).description == "/x: open failed: Permission denied")
    }
}
