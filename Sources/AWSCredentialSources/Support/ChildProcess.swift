#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOPosix

/// Runs a command without a shell and collects its standard output, bounded in size and time; standard
/// error goes to ours, as the SDKs let a credential process talk to the operator. Foundation's `Process`
/// would bring the whole of Foundation, and ICU with it, into a static binary (SPEC §2).
struct ChildProcess {
    struct Result {
        var status: Int32
        var output: [UInt8]
    }

    enum Failure: Error, Equatable {
        case cannotStart(String)
        case timedOut
        case outputTooLarge
    }

    static func run(_ arguments: [String], environment: [String: String], timeout: Duration, maximumOutput: Int) async throws -> Result {
        try await NIOThreadPool.singleton.runIfActive {
            try runBlocking(arguments, environment: environment, timeout: timeout, maximumOutput: maximumOutput)
        }
    }

    private static func runBlocking(_ arguments: [String], environment: [String: String], timeout: Duration, maximumOutput: Int) throws -> Result {
        guard let executable = arguments.first else { throw Failure.cannotStart("empty command") }
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw Failure.cannotStart("no pipe") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, envp)
        close(pipe[1])
        guard spawned == 0 else {
            close(pipe[0])
            throw Failure.cannotStart(String(cString: strerror(spawned)))
        }
        defer { close(pipe[0]) }
        var output: [UInt8] = []
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 16_384)
        var failure: Failure?
        while true {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { failure = .timedOut; break }
            var poller = pollfd(fd: pipe[0], events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(min(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000, 60_000))
            let ready = poll(&poller, 1, max(1, milliseconds))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { continue }
            let count = read(pipe[0], &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            output += buffer[0..<count]
            if output.count > maximumOutput { failure = .outputTooLarge; break }
        }
        if failure != nil { kill(pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if let failure { throw failure }
        // WEXITSTATUS is a macro Swift cannot import; a signal-terminated process reports 128 + the signal.
        let signal = status & 0x7F
        return Result(status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal, output: output)
    }
}
