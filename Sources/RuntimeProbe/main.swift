#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LambdaRuntime

// A function for tests and benchmarks of the runtime itself. PROBE_MODE picks the handler:
// `typed` (default) obeys the command in each event, `raw` echoes the event bytes (empty in, empty out: the
// no-op handler of the benchmarks), `init-fail` fails initialization.
switch ProbeMode(getenv("PROBE_MODE").map { String(cString: $0) }) {
case .typed:
    LambdaRuntime.run { _ in ProbeHandler() }
case .raw:
    LambdaRuntime.run { _ in EchoHandler() }
case .initFail:
    LambdaRuntime.run { (_) async throws -> EchoHandler in throw ProbeInitError.refused }
}
