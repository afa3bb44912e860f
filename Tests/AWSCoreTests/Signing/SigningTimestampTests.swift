@testable import AWSCore
import Foundation
import CivilTime
import Testing

@Suite struct SigningTimestampTests {
    @Test(arguments: [
        (0.0, "19700101T000000Z"),
        (951_782_400.0, "20000229T000000Z"),
        (1_440_938_160.0, "20150830T123600Z"),
        (1_709_251_199.999, "20240229T235959Z"),
        (4_107_542_400.0, "21000301T000000Z"),
        (-1.0, "19691231T235959Z"),
        (-0.5, "19691231T235959Z"),
    ])
    func formatsUTC(seconds: Double, expected: String) {
        #expect(SigningTimestamp(Instant(epochMilliseconds: Int64((seconds * 1000).rounded()))).dateTime == expected)
    }

    @Test func agreesWithFoundationOverManyDays() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
        for step in stride(from: -3_000_000_000.0, through: 5_000_000_000.0, by: 7_777_777.7) {
            let date = Date(timeIntervalSince1970: step.rounded(.down))
            let expected = formatter.string(from: date).replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "-", with: "")
            #expect(SigningTimestamp(Instant(epochSeconds: Int64(date.timeIntervalSince1970))).dateTime == expected)
        }
    }
}
