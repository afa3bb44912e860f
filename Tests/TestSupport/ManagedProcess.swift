import Foundation
import Synchronization

/// A child process owned by a test: its output goes to a log file the test can read on failure, and it is
/// terminated when the test lets go of it, so a failing test never leaves servers behind.
public final class ManagedProcess: @unchecked Sendable {
    // @unchecked: `process` is only mutated in init; Foundation's Process is thread-safe for the calls used here.
    public let process: Process
    public let logURL: URL
    public let name: String

    public init(
        name: String,
        executable: String,
        arguments: [String] = [],
        environment: [String: String]? = nil,
        workingDirectory: URL? = nil
    ) throws {
        self.name = name
        self.logURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("opsdaily-\(name)-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        process.standardOutput = log
        process.standardError = log
        try process.run()
        ChildRegistry.shared.add(process.processIdentifier)
    }

    deinit { terminate() }

    public var isRunning: Bool { process.isRunning }

    /// The process's combined stdout and stderr so far.
    public var output: String {
        (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
    }

    /// SIGTERM, then SIGKILL after 3 s: a child spawned from a Swift concurrency thread inherits a signal mask
    /// in which SIGTERM may be blocked, and a test must never hang on a server that ignores it.
    public func terminate() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = ContinuousClock.now + .seconds(3)
        while process.isRunning && ContinuousClock.now < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        ChildRegistry.shared.remove(process.processIdentifier)
    }

    /// Waits for the process to exit on its own and returns its status, or nil when it outlives `timeout`.
    public func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return process.terminationStatus
    }

    /// Polls the log until `text` appears (servers announce readiness by printing a line). A process that exits
    /// fails at once; the timeout only bounds a slow start. At the start of the parallel suite dozens of Python
    /// servers import moto and the fakes on two cores at once, and 30 s was once not enough (CI, 4 tests whose
    /// servers printed their line just after it): hence 120 s.
    public func waitForOutput(containing text: String, timeout: Duration = .seconds(120)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let current = output
            if current.contains(text) { return current }
            if !process.isRunning { throw ManagedProcessError.exited(name: name, status: process.terminationStatus, output: current) }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw ManagedProcessError.timedOut(name: name, waitingFor: text, output: output)
    }
}

public enum ManagedProcessError: Error, CustomStringConvertible {
    case exited(name: String, status: Int32, output: String)
    case timedOut(name: String, waitingFor: String, output: String)

    public var description: String {
        switch self {
        case .exited(let name, let status, let output):
            return "\(name) exited with status \(status) before it was ready. Output:\n\(output)"
        case .timedOut(let name, let text, let output):
            return "\(name) did not print \"\(text)\" in time. Output:\n\(output)"
        }
    }
}

/// Every child a test started and has not stopped. A test process that ends (or a test that forgets to stop
/// its servers) must not leave moto or the fakes running: they are killed when the test process exits.
final class ChildRegistry: Sendable {
    static let shared = ChildRegistry()
    private let children = Mutex<Set<pid_t>>([])

    private init() {
        atexit {
            for child in ChildRegistry.shared.children.withLock({ $0 }) { kill(child, SIGKILL) }
        }
    }

    func add(_ pid: pid_t) { children.withLock { _ = $0.insert(pid) } }
    func remove(_ pid: pid_t) { children.withLock { _ = $0.remove(pid) } }
}
