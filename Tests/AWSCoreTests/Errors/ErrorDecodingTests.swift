@testable import AWSCore
import NIOHTTP1
import Testing

@Suite struct ErrorDecodingTests {
    private func decode(_ status: Int, _ body: String, headers: HTTPHeaders = [:]) -> AWSServiceError {
        ErrorResponseDecoder.decode(status: status, headers: headers, body: Array(body.utf8), operation: "Test.Op")
    }

    @Test func dynamoDBJSONWithNamespacedType() {
        let error = decode(
            400, #"{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}"#,
            headers: ["x-amzn-RequestId": "REQ1"])
        #expect(error == AWSServiceError(status: 400, code: "ConditionalCheckFailedException", message: "The conditional request failed", requestID: "REQ1", operation: "Test.Op"))
        #expect(error.isConditionalCheckFailed)
    }

    @Test func secretsManagerJSONWithCapitalisedMessage() {
        let error = decode(400, #"{"__type":"ResourceNotFoundException","Message":"Secrets Manager can't find the specified secret."}"#)
        #expect(error.isResourceNotFound)
        #expect(error.message == "Secrets Manager can't find the specified secret.")
    }

    @Test func errorTypeHeaderWhenTheBodyIsEmpty() {
        let error = decode(400, "", headers: ["x-amzn-ErrorType": "ThrottlingException:http://internal.amazon.com/coral/"])
        #expect(error.code == "ThrottlingException")
        #expect(error.isThrottling)
    }

    @Test func s3XML() {
        let error = decode(
            404,
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>NoSuchKey</Code><Message>The specified key does not exist &amp; never did.</Message><Key>a</Key><RequestId>S3REQ</RequestId></Error>
            """)
        #expect(error.code == "NoSuchKey")
        #expect(error.message == "The specified key does not exist & never did.")
        #expect(error.requestID == "S3REQ")
        #expect(error.isResourceNotFound)
    }

    @Test func plainForbiddenXMLOfALocalAWS() {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ErrorResponse>
              <Error>
                <Code>SignatureDoesNotMatch</Code>
                <Message>The request signature we calculated does not match the signature you provided.</Message>
              </Error>
              <RequestId>MOTO1</RequestId>
            </ErrorResponse>
            """
        let error = decode(403, body)
        #expect(error.isSignatureError)
        #expect(error.requestID == "MOTO1")
        #expect(decode(403, body.replacingOccurrences(of: "SignatureDoesNotMatch", with: "InvalidClientTokenId")).isAccessDenied)
    }

    @Test func statusAloneWhenThereIsNothingElse() {
        let error = decode(503, "")
        #expect(error.code == "ServiceUnavailable")
        #expect(error.kind == .transient)
        #expect(decode(404, "").code == "NotFound")
    }

    @Test func kindsOfCodes() {
        #expect(AWSErrorKind(code: "RequestLimitExceeded", status: 400) == .throttling)
        #expect(AWSErrorKind(code: "RequestTimeout", status: 400) == .transient)
        #expect(AWSErrorKind(code: "Whatever", status: 502) == .transient)
        #expect(AWSErrorKind(code: "Whatever", status: 409) == .other)
        #expect(AWSErrorKind(code: "ValidationException", status: 400) == .validation)
    }
}
