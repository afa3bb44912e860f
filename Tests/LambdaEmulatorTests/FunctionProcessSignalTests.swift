import Foundation
import LambdaEmulator
import Testing
import TestSupport

/// The function process starts as a Lambda runtime does: nothing blocked, SIGTERM and SIGPIPE at their
/// defaults, whatever the emulator's own threads block or ignore; and with no descriptor of the emulator's.
@Suite struct FunctionProcessSignalTests {
    @Test func theFunctionStartsWithNoSignalBlockedAndDefaultHandlers() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("signals-\(UUID().uuidString).log").path
        let emulator = try await RuntimeEmulator(configuration: EmulatorConfiguration(
            functionName: "signals", timeout: .seconds(5),
            command: ["/bin/sh", "-c", "grep -E '^Sig(Blk|Ign):' /proc/self/status; exec sleep 30"],
            functionOutputPath: output))
        try await emulator.startFunction()
        var text = ""
        try await waitUntil {
            text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            return text.contains("SigIgn")
        }
        try await emulator.shutdown()
        let masks = Dictionary(uniqueKeysWithValues: text.split(separator: "\n").compactMap { line -> (String, UInt64)? in
            let parts = line.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let value = UInt64(parts[1], radix: 16) else { return nil }
            return (parts[0], value)
        })
        #expect(masks["SigBlk"] == 0, "\(text)")
        let ignored = try #require(masks["SigIgn"], "\(text)")
        for signal in [SIGTERM, SIGPIPE] { #expect(ignored & (1 << UInt64(signal - 1)) == 0, "signal \(signal) ignored: \(text)") }
    }

    @Test func theFunctionInheritsNoDescriptorOfTheEmulator() async throws {
        let directory = FileManager.default.temporaryDirectory.path
        let output = "\(directory)/descriptors-\(UUID().uuidString).log"
        // A descriptor of the test process without close-on-exec, as NIO's accepted sockets are.
        let marker = "\(directory)/inherited-\(UUID().uuidString)"
        let leaked = open(marker, O_CREAT | O_RDWR, 0o600)
        defer {
            close(leaked)
            unlink(marker)
        }
        let emulator = try await RuntimeEmulator(configuration: EmulatorConfiguration(
            functionName: "descriptors", timeout: .seconds(5),
            command: ["/bin/sh", "-c", "for f in /proc/$$/fd/*; do echo \"fd $f $(readlink $f)\"; done; echo listed; exec sleep 30"],
            functionOutputPath: output))
        try await emulator.startFunction()
        var text = ""
        try await waitUntil {
            text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            return text.contains("listed")
        }
        try await emulator.shutdown()
        #expect(leaked >= 0 && text.contains("fd /proc/"), "\(text)")
        #expect(!text.contains(marker), "the function holds the emulator's descriptor: \(text)")
    }
}
