import CSpawn
import Foundation
import NIOCore

/// A function process started by the emulator, as Lambda starts a runtime in its sandbox.
///
/// Started with `posix_spawn` so that start-up timing includes as little of the emulator as possible, and
/// reaped with `wait4` so the exit status and peak RSS of the process are known.
final class FunctionProcess: Sendable {
    let pid: pid_t
    let startedAt: NIODeadline

    struct Exit: Sendable {
        var pid: pid_t
        /// The exit status, or 128 + signal number when it was killed.
        var status: Int32
        var maxRSSKilobytes: Int
        /// User plus system CPU time the process used, in microseconds.
        var cpuMicroseconds: Int
        var description: String {
            status > 128 ? "signal \(status - 128)" : "exit status \(status)"
        }
    }

    /// Starts `command` and calls `onExit` (on a background thread) once the process has ended.
    init(
        command: [String],
        environment: [String: String],
        outputPath: String?,
        onExit: @escaping @Sendable (Exit) -> Void
    ) throws {
        guard let executable = command.first else { throw EmulatorError.invalidCommand("empty command") }
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        if let outputPath {
            posix_spawn_file_actions_addopen(&fileActions, STDOUT_FILENO, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            posix_spawn_file_actions_adddup2(&fileActions, STDOUT_FILENO, STDERR_FILENO)
        }
        // A function starts with stdin, stdout and stderr only, as on Lambda. NIO accepts without
        // SOCK_CLOEXEC, so without this a function would hold copies of the emulator's connections (its
        // own and other runtimes'), and a connection the emulator closes would stay open for the runtime.
        // (Darwin: POSIX_SPAWN_CLOEXEC_DEFAULT below.)
        cspawn_add_close_from(&fileActions, STDERR_FILENO + 1)
        let arguments = command.map { strdup($0) } + [nil]
        let variables = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            arguments.forEach { free($0) }
            variables.forEach { free($0) }
        }
        // A runtime in Lambda starts with no signal blocked and default handlers. posix_spawn would hand it
        // the spawning thread's mask instead, and NIO or Swift concurrency threads block most signals, so
        // the function could not be stopped with SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        #if os(Linux)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        #else
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_CLOEXEC_DEFAULT))
        #endif
        var pid: pid_t = 0
        startedAt = .now()
        let status = posix_spawnp(&pid, executable, &fileActions, &attributes, arguments, variables)
        guard status == 0 else {
            throw EmulatorError.invalidCommand("cannot start \(executable): \(String(cString: strerror(status)))")
        }
        self.pid = pid
        let spawned = pid
        Thread.detachNewThread {
            var status: Int32 = 0
            var usage = rusage()
            while wait4(spawned, &status, 0, &usage) < 0 && errno == EINTR {}
            // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift cannot import; these are their definitions.
            let signal = status & 0x7F
            let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
            let cpu = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000 + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec
            onExit(Exit(pid: spawned, status: code, maxRSSKilobytes: Int(usage.ru_maxrss), cpuMicroseconds: Int(cpu)))
        }
    }

    func kill(signal: Int32 = SIGKILL) {
        _ = Glibc.kill(pid, signal)
    }
}
