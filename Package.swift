// swift-tools-version:6.0
import PackageDescription

let nio: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
]

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
        .library(name: "LambdaRuntime", targets: ["LambdaRuntime"]),
        .library(name: "AWSCore", targets: ["AWSCore"]),
        .executable(name: "signing-bench", targets: ["SigningBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "LambdaRuntime",
            dependencies: nio + [.product(name: "Logging", package: "swift-log")]
        ),
        // Our SHA-256 block function on the x86 SHA extensions, with runtime detection (AWSCore's SHA256).
        .target(name: "CSHA256"),
        // The system zlib (zlib1g-dev, which the scripts install; AsyncHTTPClient links it already).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "AWSCore",
            dependencies: nio + [
                "CSHA256",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .target(
            name: "OpsCore",
            dependencies: ["AWSCore", "CZlib"]
        ),
        .executableTarget(
            name: "CollectionFunction",
            dependencies: ["LambdaRuntime", "AWSCore", "OpsCore", .product(name: "Logging", package: "swift-log")],
            path: "Sources/Collection"
        ),
        .executableTarget(
            name: "SigningBench",
            dependencies: ["AWSCore", .product(name: "NIOHTTP1", package: "swift-nio")]
        ),
        .executableTarget(
            name: "DailyCheckFunction",
            dependencies: ["LambdaRuntime", "AWSCore", "OpsCore"],
            path: "Sources/DailyCheck"
        ),
        .executableTarget(name: "NotificationFunction", dependencies: ["LambdaRuntime", "AWSCore", "OpsCore"], path: "Sources/Notification"),
        .target(
            name: "LambdaEmulator",
            dependencies: nio + ["LambdaRuntime"]
        ),
        .executableTarget(
            name: "LambdaEmulatorCLI",
            dependencies: [
                "LambdaEmulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "RuntimeProbe", dependencies: ["LambdaRuntime"]),
        .executableTarget(
            name: "IngestBench",
            dependencies: ["OpsCore", "AWSCore", .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(
            name: "DigestBench",
            dependencies: ["OpsCore", "AWSCore", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["OpsCore"] + nio + [.product(name: "AsyncHTTPClient", package: "async-http-client")],
            path: "Tests/TestSupport"
        ),
        .target(
            name: "FunctionTestSupport",
            dependencies: ["TestSupport", "LambdaEmulator", "AWSCore", "OpsCore", "CZlib"] + nio,
            path: "Tests/FunctionTestSupport"
        ),
        .testTarget(name: "LambdaRuntimeTests", dependencies: ["LambdaRuntime", "LambdaEmulator", "TestSupport"]),
        .testTarget(name: "LambdaEmulatorTests", dependencies: ["LambdaEmulator", "TestSupport"]),
        .testTarget(
            name: "AWSCoreTests",
            dependencies: ["AWSCore", "TestSupport"] + nio,
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "OpsCoreTests", dependencies: ["OpsCore", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "DailyCheckTests",
            dependencies: ["DailyCheckFunction", "OpsCore", "LambdaEmulator", "AWSCore", "TestSupport", "FunctionTestSupport"]
        ),
        .testTarget(
            name: "CollectionTests",
            dependencies: ["CollectionFunction", "OpsCore", "LambdaRuntime", "LambdaEmulator", "AWSCore", "TestSupport", "FunctionTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "NotificationTests",
            dependencies: ["NotificationFunction", "OpsCore", "LambdaEmulator", "AWSCore", "TestSupport", "FunctionTestSupport"]
        ),
    ]
)
