// swift-tools-version:6.0
import PackageDescription

let nioCore: Target.Dependency = .product(name: "NIOCore", package: "swift-nio")
let nioPosix: Target.Dependency = .product(name: "NIOPosix", package: "swift-nio")
let nioHTTP1: Target.Dependency = .product(name: "NIOHTTP1", package: "swift-nio")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let nioSSL: Target.Dependency = .product(name: "NIOSSL", package: "swift-nio-ssl")
let asyncHTTPClient: Target.Dependency = .product(name: "AsyncHTTPClient", package: "async-http-client")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")

let package = Package(
    name: "opsdaily",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "collection", targets: ["CollectionFunction"]),
        .executable(name: "daily-check", targets: ["DailyCheckFunction"]),
        .executable(name: "notification", targets: ["NotificationFunction"]),
        .executable(name: "lambda-emulator", targets: ["LambdaEmulatorCLI"]),
        .executable(name: "runtime-probe", targets: ["RuntimeProbe"]),
        .executable(name: "ingest-bench", targets: ["IngestBench"]),
        .executable(name: "digest-bench", targets: ["DigestBench"]),
        .executable(name: "signing-bench", targets: ["SigningBench"]),
        .executable(name: "opsdaily", targets: ["OpsdailyCLI"]),
        .library(name: "LambdaRuntime", targets: ["LambdaRuntime"]),
        .library(name: "AWSCore", targets: ["AWSCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Libraries, from the bottom up. Each is one boundary and declares every module it imports
        // (scripts/test.sh builds with --explicit-target-dependency-import-check error).

        // What a process reads from its host without Foundation: the environment, small regular files.
        .target(name: "HostSystem"),
        // JSON to and from `Codable` values without Foundation (whose coders link most of it into a function).
        .target(name: "JSONCoding"),
        // Dates, times and zones without ICU: instants, civil values, IANA rules.
        .target(name: "CivilTime", dependencies: ["HostSystem"]),
        // A small XML reader (and escaping for writers) without Foundation or libxml2: AWS answers, workbooks.
        .target(name: "XMLTree"),
        // Self-contained HTML pages: escaping for text and attributes, the frame with its Content-Security-Policy.
        .target(name: "HTMLDocument"),
        // HTTP as plain values behind a transport protocol, and how to retry: shared by AWS, Datadog, Slack.
        .target(name: "HTTPCore", dependencies: [nioCore, nioHTTP1]),
        // The functions' transport: HTTP/1.1 with keep-alive over SwiftNIO and NIOSSL, nothing they do not use.
        .target(name: "HTTP1Client", dependencies: ["HTTPCore", nioCore, nioPosix, nioHTTP1, nioSSL, .product(name: "NIOTLS", package: "swift-nio")]),
        // The command line's transport: AsyncHTTPClient's pool, with its per-host connection limit.
        .target(name: "AsyncHTTPClientSupport", dependencies: ["HTTPCore", nioCore, nioPosix, nioHTTP1, asyncHTTPClient]),
        // The Lambda Runtime API client: the invocation loop, its connection, context, handlers, logging.
        .target(name: "LambdaRuntime", dependencies: ["CivilTime", "HostSystem", "JSONCoding", nioCore, nioPosix, nioHTTP1, logging]),
        // Our SHA-256 block function on the x86 SHA extensions, with runtime detection (AWSCore's SHA256).
        .target(name: "CSHA256"),
        // The system zlib (zlib1g-dev, which the scripts install; AsyncHTTPClient links it already).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Our AWS client: SigV4, credentials, endpoints, the request pipeline, DynamoDB, S3, Secrets Manager.
        .target(name: "AWSCore", dependencies: ["HTTPCore", "CivilTime", "HostSystem", "JSONCoding", "XMLTree", "CSHA256", nioHTTP1, logging]),
        // Credentials from every source an operator's machine, a CI runner or CloudShell has (SPEC §13.0):
        // profiles with roles, SSO, credential_process, web identity, containers, instance metadata.
        .target(name: "AWSCredentialSources", dependencies: ["AWSCore", "HTTPCore", "CivilTime", "HostSystem", nioHTTP1, nioPosix, logging]),
        // Excel workbooks and CSV for the operators' tools (SPEC §13): rows in, .xlsx bytes out, without Foundation.
        .target(name: "Workbook", dependencies: ["XMLTree", "CZlib"]),
        // `opsdaily inventory`: the declarative catalogue of resource kinds, the engine that lists them, cost.
        .target(name: "Inventory", dependencies: ["AWSCore", "HTTPCore", "CivilTime", "HTMLDocument", "Workbook"]),
        // `opsdaily tags` and `opsdaily autorecovery`: the tag policy and its audit and plan, instance recovery.
        .target(name: "Fleet", dependencies: ["AWSCore", "HTTPCore", "HTMLDocument", "Workbook"]),
        // The domain, by flow: alerts (webhook and alerts table), checks, digest; and what they share.
        .target(name: "OpsCore", dependencies: ["AWSCore", "HTTPCore", "CivilTime", "JSONCoding", "HTMLDocument", "CZlib", nioHTTP1, logging]),
        // `opsdaily monitors` and `opsdaily dashboards`: the monitor export and the catalogue's drift, dashboard files.
        .target(name: "DatadogAsCode", dependencies: ["OpsCore", "HTTPCore", "CivilTime", "Workbook"]),
        // The Lambda glue daily-check and notification share: clients built once, the scheduled event handed on.
        .target(name: "ScheduledFunction", dependencies: ["LambdaRuntime", "OpsCore", "AWSCore", "HTTPCore", "HTTP1Client", "CivilTime", logging]),
        // posix_spawn's close-from action, which Swift's Glibc module does not declare (the emulator's children).
        .target(name: "CSpawn"),
        .target(name: "LambdaEmulator", dependencies: ["LambdaRuntime", "CSpawn", nioCore, nioPosix, nioHTTP1]),

        // The functions: configuration, wiring, the handler.
        .executableTarget(
            name: "CollectionFunction",
            dependencies: ["LambdaRuntime", "OpsCore", "AWSCore", "HTTPCore", "HTTP1Client", "JSONCoding", nioCore],
            path: "Sources/Collection"
        ),
        .executableTarget(name: "DailyCheckFunction", dependencies: ["ScheduledFunction", "OpsCore", "CivilTime"], path: "Sources/DailyCheck"),
        .executableTarget(name: "NotificationFunction", dependencies: ["ScheduledFunction", "OpsCore"], path: "Sources/Notification"),

        // The operators' command line: one command per type, conventions of SPEC §13.0; `opsdaily` is its main.
        .target(
            name: "OpsdailyCommands",
            dependencies: ["AWSCore", "AWSCredentialSources", "HTTPCore", "AsyncHTTPClientSupport", "CivilTime", "Inventory", "Fleet", "OpsCore", "DatadogAsCode", nioHTTP1, logging, argumentParser]
        ),
        .executableTarget(name: "OpsdailyCLI", dependencies: ["OpsdailyCommands"]),

        // Tools and benchmark drivers.
        .executableTarget(name: "LambdaEmulatorCLI", dependencies: ["LambdaEmulator", nioCore, argumentParser]),
        .executableTarget(name: "RuntimeProbe", dependencies: ["LambdaRuntime", nioCore]),
        .executableTarget(name: "SigningBench", dependencies: ["AWSCore", "HTTPCore", "CivilTime", nioHTTP1]),
        .executableTarget(name: "IngestBench", dependencies: ["OpsCore", "AWSCore", "HTTPCore", "CivilTime", "JSONCoding", logging]),
        .executableTarget(name: "DigestBench", dependencies: ["OpsCore", "AWSCore", "HTTPCore", "AsyncHTTPClientSupport", "CivilTime", logging]),

        // Test support and tests; each test target mirrors one source target.
        .target(
            name: "TestSupport",
            dependencies: ["OpsCore", "HTTPCore", "HTTP1Client", nioCore, nioHTTP1, asyncHTTPClient],
            path: "Tests/TestSupport"
        ),
        .target(
            name: "FunctionTestSupport",
            dependencies: ["TestSupport", "LambdaEmulator", "AWSCore", "HTTPCore", "HTTP1Client", "OpsCore", "CZlib", nioCore, nioHTTP1],
            path: "Tests/FunctionTestSupport"
        ),
        .testTarget(name: "HostSystemTests", dependencies: ["HostSystem"]),
        .testTarget(name: "JSONCodingTests", dependencies: ["JSONCoding"]),
        .testTarget(name: "CivilTimeTests", dependencies: ["CivilTime", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "HTTPCoreTests", dependencies: ["HTTPCore", "TestSupport", nioCore, nioPosix, nioHTTP1]),
        .testTarget(name: "HTTP1ClientTests", dependencies: ["HTTP1Client", "HTTPCore", "TestSupport", nioCore, nioPosix, nioHTTP1, nioSSL]),
        .testTarget(name: "AsyncHTTPClientSupportTests", dependencies: ["AsyncHTTPClientSupport", "HTTPCore", "TestSupport", nioCore, nioPosix]),
        .testTarget(name: "HTMLDocumentTests", dependencies: ["HTMLDocument"]),
        .testTarget(name: "XMLTreeTests", dependencies: ["XMLTree"], exclude: ["Fixtures"]),
        .testTarget(name: "AWSCredentialSourcesTests", dependencies: ["AWSCredentialSources", "AWSCore", "HTTPCore", "CivilTime", "AsyncHTTPClientSupport", "TestSupport"]),
        .testTarget(
            name: "OpsdailyCommandsTests", dependencies: ["OpsdailyCommands", "TestSupport", "FunctionTestSupport"], exclude: ["Fixtures"]
        ),
        .testTarget(name: "FleetTests", dependencies: ["Fleet", "AWSCore", "HTTPCore", "Workbook", "TestSupport", nioHTTP1]),
        .testTarget(
            name: "DatadogAsCodeTests", dependencies: ["DatadogAsCode", "OpsCore", "HTTPCore", "CivilTime", "Workbook", "TestSupport"], exclude: ["Fixtures"]
        ),
        .testTarget(name: "WorkbookTests", dependencies: ["Workbook", "XMLTree", "CZlib"], exclude: ["Fixtures"]),
        .testTarget(
            name: "InventoryTests", dependencies: ["Inventory", "AWSCore", "HTTPCore", "CivilTime", "Workbook", "TestSupport", nioHTTP1]
        ),
        .testTarget(name: "LambdaRuntimeTests", dependencies: ["LambdaRuntime", "LambdaEmulator", "TestSupport", nioCore, nioHTTP1, logging]),
        .testTarget(name: "LambdaEmulatorTests", dependencies: ["LambdaEmulator", "LambdaRuntime", "TestSupport", nioCore, nioHTTP1]),
        .testTarget(name: "AWSCoreTests", dependencies: ["AWSCore", "HTTPCore", "HTTP1Client", "JSONCoding", "CivilTime", "TestSupport", nioHTTP1], exclude: ["Fixtures"]),
        .testTarget(
            name: "OpsCoreTests",
            dependencies: ["OpsCore", "AWSCore", "HTTPCore", "CivilTime", "TestSupport", "FunctionTestSupport", nioHTTP1, logging],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CollectionTests",
            dependencies: ["CollectionFunction", "OpsCore", "AWSCore", "CivilTime", "TestSupport", "FunctionTestSupport", logging],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "DailyCheckTests",
            dependencies: [
                "DailyCheckFunction", "OpsCore", "AWSCore", "HTTPCore", "HTTP1Client", "CivilTime", "LambdaEmulator", "TestSupport", "FunctionTestSupport", nioCore,
            ]
        ),
        .testTarget(
            name: "NotificationTests",
            dependencies: [
                "NotificationFunction", "OpsCore", "AWSCore", "CivilTime", "LambdaEmulator", "TestSupport", "FunctionTestSupport", nioCore,
                logging,
            ]
        ),
    ]
)
