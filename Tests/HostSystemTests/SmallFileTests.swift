import Glibc
import HostSystem
import Testing

/// Reading small files without Foundation: what a function does at init with tzdata and AWS config files.
@Suite struct SmallFileTests {
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
        #expect(try SmallFile.read(directory.write("data", bytes), limit: 1 << 20) == bytes)
        #expect(try SmallFile.read(directory.write("empty", []), limit: 0) == [])
    }

    @Test func aFileOverTheLimitIsRefusedWithItsSize() throws {
        let directory = try Directory()
        let path = directory.write("big", [UInt8](repeating: 0x41, count: 1025))
        #expect(throws: SmallFile.ReadError.tooLarge(path: path, limit: 1024)) { try SmallFile.read(path, limit: 1024) }
        #expect(try SmallFile.read(path, limit: 1025).count == 1025)
    }

    @Test func aMissingFileIsNotFoundAndNilWhenOptional() throws {
        let directory = try Directory()
        let path = directory.path + "/absent"
        #expect(throws: SmallFile.ReadError.notFound(path: path)) { try SmallFile.read(path, limit: 10) }
        #expect(try SmallFile.readIfPresent(path, limit: 10) == nil)
        #expect(try SmallFile.readIfPresent(directory.path + "/absent/below", limit: 10) == nil)
    }

    /// A FIFO would block a plain read forever and `/dev/zero` would never end: both are refused at once.
    @Test func whatIsNotASmallFileIsRefusedWithoutReading() throws {
        let directory = try Directory()
        let fifo = directory.path + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: SmallFile.ReadError.notRegular(path: fifo)) { try SmallFile.read(fifo, limit: 10) }
        #expect(throws: SmallFile.ReadError.notRegular(path: "/dev/zero")) { try SmallFile.read("/dev/zero", limit: 10) }
        #expect(throws: SmallFile.ReadError.notRegular(path: directory.path)) { try SmallFile.read(directory.path, limit: 10) }
    }

    /// `readIfPresent` forgives absence only: a FIFO where a file should be is still an error.
    @Test func aFIFOIsNotAbsence() throws {
        let directory = try Directory()
        let fifo = directory.path + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: SmallFile.ReadError.notRegular(path: fifo)) { try SmallFile.readIfPresent(fifo, limit: 10) }
    }

    /// What `AWS_CONFIG_FILE=<(…)` hands the command line: a pipe with a writer at its other end, read to
    /// its end. The writer is a shell, as with process substitution.
    @Test func aStreamIsReadToItsEndWhenStreamsAreAccepted() throws {
        let directory = try Directory()
        let fifo = directory.path + "/config"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: SmallFile.ReadError.notRegular(path: fifo)) { try SmallFile.read(fifo, limit: 100) }
        let text = "[default]\nregion = ap-northeast-2\n"
        let words: [String] = ["/bin/sh", "-c", #"printf '%s' "$1" > "$2""#, "sh", text, fifo]
        let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        var writer: pid_t = 0
        #expect(posix_spawn(&writer, "/bin/sh", nil, nil, arguments, environ) == 0)
        defer {
            var status: Int32 = 0
            waitpid(writer, &status, 0)
        }
        #expect(try SmallFile.read(fifo, limit: 100, accepting: .regularFilesAndStreams) == Array(text.utf8))
    }

    /// A device that never ends is cut at the limit and refused, not read forever.
    @Test func anEndlessStreamStopsAtTheLimit() {
        #expect(throws: SmallFile.ReadError.tooLarge(path: "/dev/zero", limit: 4096)) {
            try SmallFile.read("/dev/zero", limit: 4096, accepting: .regularFilesAndStreams)
        }
    }

    @Test func aSymbolicLinkIsFollowed() throws {
        let directory = try Directory()
        let target = directory.write("target", Array("rules".utf8))
        let link = directory.path + "/link"
        #expect(symlink(target, link) == 0)
        #expect(try SmallFile.read(link, limit: 10) == Array("rules".utf8))
    }

    @Test func errorsNameThePathAndTheReason() {
        #expect(SmallFile.ReadError.tooLarge(path: "/x", limit: 10).description == "/x: more than the 10 bytes allowed")
        #expect(SmallFile.ReadError.failed(path: "/x", operation: "open", errno: EACCES).description == "/x: open failed: Permission denied")
    }
}
