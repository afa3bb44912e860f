import AWSCore
import JSONCoding
import Testing

/// GetSecretValue's answer: `SecretBinary` arrives as base64 text and must come out as the stored bytes.
@Suite struct SecretValueTests {
    @Test func aBinarySecretIsDecodedFromBase64() throws {
        let answer = #"{"ARN": "arn:aws:secretsmanager:ap-northeast-2:1:secret:k", "Name": "k", "VersionId": "v1", "SecretBinary": "AP8Q"}"#
        let secret = try JSONDecoding().decode(SecretValue.self, from: Array(answer.utf8))
        #expect(secret.binary == [0x00, 0xFF, 0x10])
        #expect(secret.string == nil)
        #expect(throws: SecretsManagerError.notAString(name: "k")) { try secret.decodeJSON([String: String].self) }
    }

    @Test func aStringSecretHasNoBinary() throws {
        let answer = #"{"Name": "slack", "SecretString": "{\"url\": \"https://hooks.slack.com/x\"}"}"#
        let secret = try JSONDecoding().decode(SecretValue.self, from: Array(answer.utf8))
        #expect(secret.binary == nil)
        #expect(try secret.decodeJSON([String: String].self) == ["url": "https://hooks.slack.com/x"])
    }

    /// A garbled binary secret is an error naming the field, and the text never shows in it.
    @Test func garbledBase64IsAnErrorWithoutTheValue() {
        let answer = #"{"Name": "k", "SecretBinary": "c2VjcmV0LXZhbHVl!"}"#
        #expect {
            try JSONDecoding().decode(SecretValue.self, from: Array(answer.utf8))
        } throws: { error in
            let text = "\(error)"
            return text.contains("SecretBinary is not base64") && !text.contains("c2VjcmV0")
        }
    }
}
