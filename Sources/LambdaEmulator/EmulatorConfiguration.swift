/// How the emulated function behaves, as a Lambda function configuration would say it.
public struct EmulatorConfiguration: Sendable {
    public var functionName: String
    public var region: String
    public var accountID: String
    /// The invocation timeout; `Lambda-Runtime-Deadline-Ms` is computed from it.
    public var timeout: Duration
    public var memorySizeMB: Int
    /// The process to run as the function, if the emulator is to start it (nil: a runtime connects on its own).
    public var command: [String]?
    /// Extra environment for the function process, over the emulator's own.
    public var environment: [String: String]
    /// Where the function's stdout and stderr go (nil: inherit the emulator's).
    public var functionOutputPath: String?
    /// Receives one line per lifecycle event (process started, exited); silent by default.
    public var lifecycleLog: @Sendable (String) -> Void

    public init(
        functionName: String = "function",
        region: String = "us-east-1",
        accountID: String = "000000000000",
        timeout: Duration = .seconds(30),
        memorySizeMB: Int = 128,
        command: [String]? = nil,
        environment: [String: String] = [:],
        functionOutputPath: String? = nil,
        lifecycleLog: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.functionName = functionName
        self.region = region
        self.accountID = accountID
        self.timeout = timeout
        self.memorySizeMB = memorySizeMB
        self.command = command
        self.environment = environment
        self.functionOutputPath = functionOutputPath
        self.lifecycleLog = lifecycleLog
    }

    var functionARN: String { "arn:aws:lambda:\(region):\(accountID):function:\(functionName)" }

    /// The largest payload Lambda accepts on `/response` for a synchronous invocation: 6 MB as Lambda counts it.
    public static let maximumResponseBytes = 6_291_556
}
