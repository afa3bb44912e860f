import Foundation
import Logging
import Synchronization
import Testing
@testable import LambdaRuntime

/// Collects log lines in memory.
final class CapturedLog: LogOutput {
    private let lines = Mutex<[String]>([])
    func write(line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

@Suite struct LambdaLogHandlerTests {
    private func logger(_ format: LambdaLogHandler.Format, level: Logger.Level = .info) -> (Logger, CapturedLog) {
        let output = CapturedLog()
        let handler = LambdaLogHandler(label: "test", format: format, level: level, output: output, clock: { EpochMilliseconds(1_764_028_800_123) })
        return (Logger(label: "test", factory: { _ in handler }), output)
    }

    @Test func textLinesCarryTimestampRequestIDLevelAndMetadata() async {
        let (logger, output) = logger(.text)
        InvocationLogContext.$requestID.withValue("req-7") {
            logger.info("stored", metadata: ["table": "alerts", "count": "3"])
        }
        logger.warning("outside")
        #expect(output.all == [
            "2025-11-25T00:00:00.123Z\treq-7\tINFO\tstored count=3 table=alerts",
            "2025-11-25T00:00:00.123Z\t-\tWARN\toutside",
        ])
    }

    /// A webhook's `$ID` ends up in log metadata: a newline in it must not end the line and forge another.
    @Test func textLinesEscapeWhatCouldSplitOrForgeALine() async {
        let (logger, output) = logger(.text)
        InvocationLogContext.$requestID.withValue("req-9") {
            logger.warning("rejected\nFAKE\tINFO\tforged", metadata: ["event": "1\r\n2025-11-25T00:00:00.000Z\treq-0\tINFO\tstored"])
        }
        #expect(output.all == [
            "2025-11-25T00:00:00.123Z\treq-9\tWARN\trejected\\nFAKE\\tINFO\\tforged event=1\\r\\n2025-11-25T00:00:00.000Z\\treq-0\\tINFO\\tstored",
        ])
        #expect(output.all.allSatisfy { !$0.contains("\n") && $0.split(separator: "\t").count == 4 })
    }

    @Test func jsonLinesAreOneValidObjectEachWithTheRequestID() throws {
        let (logger, output) = logger(.json)
        InvocationLogContext.$requestID.withValue("req-8") {
            logger.error("line one\nline \"two\"\u{0001}", metadata: ["nested": ["a": "1", "list": ["x", "y"]], "requestId": "spoofed"])
        }
        let line = try #require(output.all.first)
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["requestId"] as? String == "req-8", "metadata must not override the request id")
        #expect(object["level"] as? String == "ERROR")
        #expect(object["timestamp"] as? String == "2025-11-25T00:00:00.123Z")
        #expect(object["message"] as? String == "line one\nline \"two\"\u{0001}")
        let nested = try #require(object["nested"] as? [String: Any])
        #expect(nested["list"] as? [String] == ["x", "y"])
    }

    @Test func linesBelowTheLevelAreDropped() {
        let (logger, output) = logger(.text, level: .warning)
        logger.info("quiet")
        logger.debug("quieter")
        logger.error("loud")
        #expect(output.all.count == 1)
        #expect(output.all[0].hasSuffix("\tERROR\tloud"))
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z"),
        (1_709_164_799_999, "2024-02-28T23:59:59.999Z"),
        (4_102_444_800_000, "2100-01-01T00:00:00.000Z"),
    ])
    func timestampsAreUTCWithMilliseconds(epochMilliseconds: Int64, expected: String) {
        #expect(LambdaLogHandler.timestamp(epochMilliseconds: epochMilliseconds) == expected)
    }

    @Test func errorDocumentsEscapeEverythingJSONNeeds() throws {
        let error = FunctionError(errorType: "T\"ype", errorMessage: "a\\b\tc\r\n\u{0000}\u{2028}<script>", stackTrace: ["f1", "f\"2"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(error.json.utf8)) as? [String: Any])
        #expect(object["errorType"] as? String == "T\"ype")
        #expect(object["errorMessage"] as? String == "a\\b\tc\r\n\u{0000}\u{2028}<script>")
        #expect(object["stackTrace"] as? [String] == ["f1", "f\"2"])
    }
}
