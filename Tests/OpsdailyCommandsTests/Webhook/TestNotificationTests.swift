import Foundation
@testable import OpsdailyCommands
import Testing
import TestSupport

/// The `[TEST]` notification has exactly the keys of the payload template Datadog is given.
@Suite struct TestNotificationTests {
    @Test func itsKeysAreThePayloadTemplatesKeys() throws {
        let template = try JSONSerialization.jsonObject(with: Data(contentsOf: RepositoryPaths.root.appendingPathComponent("terraform/datadog/webhook-payload.json"))) as? [String: String]
        let body = try JSONSerialization.jsonObject(with: Data(TestNotification(eventID: "e1", now: 1_796_000_000_000, sender: "ops").body)) as? [String: String]
        #expect(Set(try #require(body).keys) == Set(try #require(template).keys))
        #expect(body?["alert_title"]?.hasPrefix("[TEST]") == true && body?["id"] == "e1" && body?["date"] == "1796000000000")
    }

    @Test func terraformOutputsAreReadAndRefusedWhole() throws {
        let outputs = try TerraformOutputs(json: Data(#"{"webhook_url": {"value": "https://x.lambda-url.ap-northeast-2.on.aws/"}, "secret_arns": {"value": {"webhook": "arn:aws:secretsmanager:…:secret:w"}}}"#.utf8), path: "o.json")
        #expect(outputs == TerraformOutputs(webhookURL: "https://x.lambda-url.ap-northeast-2.on.aws/", webhookSecret: "arn:aws:secretsmanager:…:secret:w"))
        for bad in ["[]", "", #"{"webhook_url": "https://x"}"#, String(repeating: " ", count: 5 << 20)] {
            #expect(throws: TerraformOutputsError.self) { try TerraformOutputs(json: Data(bad.utf8), path: "o.json") }
        }
    }

    @Test func regionNamesAndTables() {
        for good in ["ap-northeast-2", "us-gov-west-1", "cn-north-1", "eu-central-1"] { #expect(GlobalOptions.isRegionName(good)) }
        for bad in ["", "Seoul", "ap-northeast", "ap--2", "AP-NORTHEAST-2", "ap-northeast-2; rm -rf /"] { #expect(!GlobalOptions.isRegionName(bad)) }
        #expect(TextTable.clean("evil\u{1B}[2Jtag\nvalue", 100) == "evil [2Jtag value")
        #expect(TextTable.clean(String(repeating: "x", count: 10), 5) == "xxxx…")
    }
}
