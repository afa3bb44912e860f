#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LambdaRuntime

// A function for tests and benchmarks of the runtime itself. PROBE_MODE picks the handler:
// `typed` (default) obeys the command in each event, `raw` echoes the event bytes (empty in, empty out: the
// no-op handler of the benchmarks), `init-fail` fails initialization.
switch ProbeMode(environment: ProcessInfo.processInfo.environment) {
case .typed:
    await LambdaRuntime.run { _ in ProbeHandler() }
case .raw:
    await LambdaRuntime.run { _ in EchoHandler() }
case .initFail:
    await LambdaRuntime.run { (_) async throws -> EchoHandler in throw ProbeInitError.refused }
}
