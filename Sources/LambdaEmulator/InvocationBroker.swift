import Foundation
import LambdaRuntime
import NIOCore
import NIOHTTP1

/// The emulated Lambda service for one function: queues invocations, hands them to the runtime on `/next`,
/// routes the runtime's answers back to the callers, and starts or restarts the function process.
///
/// Shared mutable state, deliberately confined to the emulator's single event loop: every method must be
/// called on `eventLoop`.
final class InvocationBroker {
    let eventLoop: any EventLoop
    let configuration: EmulatorConfiguration
    /// The port the emulator listens on, known once bound; the function process is told to connect to it.
    var port = 0
    private(set) var statistics = EmulatorStatistics()

    /// FIFO of invocations no runtime has asked for yet; a ring buffer because benchmarks queue thousands.
    private var queue = CircularBuffer<PendingInvocation>()
    private var inFlight: [String: PendingInvocation] = [:]
    private var waitingRuntime: ((EmulatorResponse) -> Void)?
    private var process: FunctionProcess?
    private var initializationFailure: InvocationResult?
    private var pendingFaults: [String] = []
    private var sequence = 0
    private var queueSweep: Scheduled<Void>?
    private var exitWaiters: [EventLoopPromise<FunctionProcess.Exit>] = []
    private var nextWaiters: [EventLoopPromise<UInt64>] = []

    /// Time an invocation may wait for a runtime that is still initializing (Lambda allows 10 s of init).
    private let initializationAllowance: TimeAmount = .seconds(10)

    init(eventLoop: any EventLoop, configuration: EmulatorConfiguration) {
        self.eventLoop = eventLoop
        self.configuration = configuration
    }

    // MARK: Invoke API

    func invoke(payload: ByteBuffer, clientContext: String?) -> EventLoopFuture<InvocationResult> {
        eventLoop.preconditionInEventLoop()
        sequence += 1
        statistics.invocations += 1
        let requestID = Self.requestID(sequence)
        let promise = eventLoop.makePromise(of: InvocationResult.self)
        let invocation = PendingInvocation(
            requestID: requestID,
            traceID: Self.traceID(sequence: sequence),
            payload: payload,
            clientContext: clientContext,
            promise: promise
        )
        do {
            try startProcessIfNeeded()
        } catch {
            promise.succeed(.serviceError(type: "Runtime.InvalidEntrypoint", message: "\(error)"))
            return promise.futureResult
        }
        if let responder = waitingRuntime {
            waitingRuntime = nil
            deliver(invocation, to: responder)
        } else {
            queue.append(invocation)
            scheduleQueueSweepIfNeeded()
        }
        return promise.futureResult
    }

    // MARK: Runtime API

    func next(respond: @escaping (EmulatorResponse) -> Void) {
        eventLoop.preconditionInEventLoop()
        let now = NIODeadline.now().uptimeNanoseconds
        statistics.recordNext(at: now)
        let waiters = nextWaiters
        nextWaiters = []
        waiters.forEach { $0.succeed(now) }
        if !pendingFaults.isEmpty {
            let fault = pendingFaults.removeFirst()
            respond(fault == "close"
                ? EmulatorResponse(status: .internalServerError, dropConnection: true)
                : .error(.internalServerError, type: "ServiceException", message: "injected fault on /next"))
            return
        }
        if queue.isEmpty {
            waitingRuntime = respond
        } else {
            deliver(queue.removeFirst(), to: respond)
        }
    }

    func response(requestID: String, body: ByteBuffer) -> EmulatorResponse {
        eventLoop.preconditionInEventLoop()
        guard let invocation = inFlight.removeValue(forKey: requestID) else { return unknownRequestID(requestID) }
        invocation.timer?.cancel()
        guard body.readableBytes <= EmulatorConfiguration.maximumResponseBytes else {
            statistics.oversizedResponses += 1
            let limit = EmulatorConfiguration.maximumResponseBytes
            invocation.promise.succeed(.serviceError(
                type: "Function.ResponseSizeTooLarge",
                message: "Response payload size (\(body.readableBytes) bytes) exceeded maximum allowed payload size (\(limit) bytes)."
            ))
            return .error(.payloadTooLarge, type: "RequestEntityTooLarge",
                          message: "Exceeded maximum allowed payload size (\(limit) bytes).")
        }
        statistics.responses += 1
        invocation.promise.succeed(.response(body))
        return .accepted
    }

    func error(requestID: String, errorType: String?, document: ByteBuffer) -> EmulatorResponse {
        eventLoop.preconditionInEventLoop()
        guard let invocation = inFlight.removeValue(forKey: requestID) else { return unknownRequestID(requestID) }
        invocation.timer?.cancel()
        statistics.errors += 1
        invocation.promise.succeed(.functionError(errorType: errorType ?? "Unhandled", document: document))
        return .accepted
    }

    /// The runtime could not initialize: every waiting caller gets its error, as Lambda reports a failed init.
    func initializationError(errorType: String?, document: ByteBuffer) -> EmulatorResponse {
        eventLoop.preconditionInEventLoop()
        statistics.initErrors += 1
        let failure = InvocationResult.functionError(errorType: errorType ?? "Runtime.Unknown", document: document)
        initializationFailure = failure
        failAll(with: { _ in failure })
        return .accepted
    }

    func connectionOpened() {
        statistics.connections += 1
    }

    /// Answers every invocation still waiting, so no caller hangs when the emulator stops.
    func cancelAll() {
        eventLoop.preconditionInEventLoop()
        failAll { requestID in
            .serviceError(type: "Emulator.Shutdown", message: "RequestId: \(requestID) Error: the emulator stopped")
        }
        let waiters = nextWaiters
        nextWaiters = []
        waiters.forEach { $0.fail(EmulatorError.notRunning) }
        let exits = exitWaiters
        exitWaiters = []
        exits.forEach { $0.fail(EmulatorError.notRunning) }
    }

    func inject(fault: String) {
        eventLoop.preconditionInEventLoop()
        pendingFaults.append(fault)
    }

    // MARK: Function process

    /// Starts the configured function process unless one is running (Lambda starts a new sandbox on demand).
    func startProcessIfNeeded() throws {
        guard process == nil, let command = configuration.command else { return }
        var environment = ProcessInfo.processInfo.environment
        environment.merge(lambdaEnvironment(command: command)) { _, lambda in lambda }
        environment.merge(configuration.environment) { _, explicit in explicit }
        initializationFailure = nil
        let loop = eventLoop
        let broker = NIOLoopBound(self, eventLoop: loop)
        let started = try FunctionProcess(
            command: command,
            environment: environment,
            outputPath: configuration.functionOutputPath
        ) { exit in
            loop.execute { broker.value.processExited(exit) }
        }
        // The callback above may only run once `process` is set: it is delivered through the same event loop.
        process = started
        statistics.processStarts += 1
        configuration.lifecycleLog("function process \(started.pid) started: \(command.joined(separator: " "))")
    }

    func stopProcess() {
        eventLoop.preconditionInEventLoop()
        process?.kill()
    }

    var processID: pid_t? { process?.pid }

    /// Monotonic time of the next `/next` request (benchmarks measure start-up with it).
    func nextArrival() -> EventLoopFuture<UInt64> {
        let promise = eventLoop.makePromise(of: UInt64.self)
        nextWaiters.append(promise)
        return promise.futureResult
    }

    var processStartedAt: NIODeadline? { process?.startedAt }

    func waitForProcessExit() -> EventLoopFuture<FunctionProcess.Exit> {
        let promise = eventLoop.makePromise(of: FunctionProcess.Exit.self)
        exitWaiters.append(promise)
        return promise.futureResult
    }

    /// Called when a function process has ended, for whatever reason.
    private func processExited(_ exit: FunctionProcess.Exit) {
        statistics.processExits.append(exit.status)
        statistics.lastMaxRSSKilobytes = exit.maxRSSKilobytes
        configuration.lifecycleLog(
            "function process \(exit.pid) ended: \(exit.description) (cpu \(exit.cpuMicroseconds) µs, max RSS \(exit.maxRSSKilobytes) KB)")
        // A process discarded after a timeout has already been replaced: its exit concerns nobody.
        guard exit.pid == process?.pid else { return }
        process = nil
        waitingRuntime = nil
        let failure = initializationFailure
        failAll { requestID in
            failure ?? .serviceError(
                type: "Runtime.ExitError",
                message: "RequestId: \(requestID) Error: Runtime exited with error: \(exit.description)"
            )
        }
        let waiters = exitWaiters
        exitWaiters = []
        waiters.forEach { $0.succeed(exit) }
    }

    // MARK: Helpers

    private var timeoutAmount: TimeAmount { .nanoseconds(Int64(configuration.timeout.components.seconds) * 1_000_000_000 + configuration.timeout.components.attoseconds / 1_000_000_000) }

    private func deliver(_ invocation: PendingInvocation, to respond: (EmulatorResponse) -> Void) {
        var invocation = invocation
        let deadline = EpochMilliseconds.now.value + timeoutAmount.nanoseconds / 1_000_000
        let requestID = invocation.requestID
        let broker = NIOLoopBound(self, eventLoop: eventLoop)
        invocation.timer = eventLoop.scheduleTask(in: timeoutAmount) { broker.value.expireInFlight(requestID) }
        inFlight[requestID] = invocation
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: "application/json")
        headers.add(name: "lambda-runtime-aws-request-id", value: requestID)
        headers.add(name: "lambda-runtime-deadline-ms", value: String(deadline))
        headers.add(name: "lambda-runtime-invoked-function-arn", value: configuration.functionARN)
        headers.add(name: "lambda-runtime-trace-id", value: invocation.traceID)
        if let clientContext = invocation.clientContext {
            headers.add(name: "lambda-runtime-client-context", value: clientContext)
        }
        respond(EmulatorResponse(status: .ok, headers: headers, body: invocation.payload))
    }

    /// Queued invocations wait at most the timeout plus the init allowance for a runtime to take them. One
    /// sweep timer serves the whole queue: a timer per queued invocation would cost a heap operation each.
    private func scheduleQueueSweepIfNeeded() {
        guard queueSweep == nil else { return }
        let broker = NIOLoopBound(self, eventLoop: eventLoop)
        queueSweep = eventLoop.scheduleTask(in: .seconds(1)) { broker.value.sweepQueue() }
    }

    private func sweepQueue() {
        queueSweep = nil
        let limit = timeoutAmount + initializationAllowance
        let now = NIODeadline.now()
        while let oldest = queue.first, oldest.enqueuedAt + limit <= now {
            queue.removeFirst().promise.succeed(.serviceError(
                type: "Runtime.InitTimeout",
                message: "RequestId: \(oldest.requestID) Error: no runtime asked for the invocation in time"
            ))
        }
        if !queue.isEmpty { scheduleQueueSweepIfNeeded() }
    }

    /// Lambda stops a function at its deadline; the sandbox is discarded, so the process is killed too.
    private func expireInFlight(_ requestID: String) {
        guard let invocation = inFlight.removeValue(forKey: requestID) else { return }
        let seconds = Double(timeoutAmount.nanoseconds) / 1e9
        invocation.promise.succeed(.serviceError(
            type: "Sandbox.Timedout",
            message: "RequestId: \(requestID) Error: Task timed out after \(seconds) seconds"
        ))
        process?.kill()
        process = nil
        waitingRuntime = nil
    }

    private func failAll(with result: (String) -> InvocationResult) {
        let failed = Array(inFlight.values) + Array(queue)
        inFlight = [:]
        queue.removeAll()
        for invocation in failed {
            invocation.timer?.cancel()
            invocation.promise.succeed(result(invocation.requestID))
        }
    }

    private func unknownRequestID(_ requestID: String) -> EmulatorResponse {
        statistics.unknownRequestIDs += 1
        return .error(.badRequest, type: "InvalidRequestID", message: "Invalid request ID: \(requestID)")
    }

    private func lambdaEnvironment(command: [String]) -> [String: String] {
        let directory = URL(fileURLWithPath: command[0]).deletingLastPathComponent().path
        return [
            "AWS_LAMBDA_RUNTIME_API": "127.0.0.1:\(port)",
            "AWS_LAMBDA_FUNCTION_NAME": configuration.functionName,
            "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": String(configuration.memorySizeMB),
            "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/\(configuration.functionName)",
            "AWS_LAMBDA_LOG_STREAM_NAME": "emulator/\(configuration.functionName)",
            "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
            "LAMBDA_TASK_ROOT": directory,
            "AWS_REGION": configuration.region,
            "AWS_DEFAULT_REGION": configuration.region,
            "TZ": ":UTC",
        ]
    }

    /// Request ids shaped like Lambda's (a UUID), unique within one emulator run.
    static func requestID(_ sequence: Int) -> String {
        "e0000000-0000-4000-8000-" + hex(sequence, width: 12)
    }

    /// An X-Ray trace header of the documented shape: `Root=1-<epoch hex>-<96-bit id>;Parent=<64-bit id>`.
    static func traceID(sequence: Int) -> String {
        let epochSeconds = String(EpochMilliseconds.now.value / 1000, radix: 16)
        return "Root=1-\(epochSeconds)-\(hex(sequence, width: 24));Parent=\(hex(sequence, width: 16));Sampled=0"
    }

    private static func hex(_ value: Int, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
