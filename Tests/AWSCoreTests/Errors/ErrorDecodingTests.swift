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

    /// Each XML protocol nests its error differently; the code, message and request id are found in all.
    @Test func queryEC2AndRestXMLErrorShapes() {
        let query = decode(404, """
            <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>\
            <Message>The user with name x cannot be found.</Message></Error><RequestId>R-IAM</RequestId></ErrorResponse>
            """)
        #expect(query.code == "NoSuchEntity" && query.message == "The user with name x cannot be found." && query.requestID == "R-IAM")
        let ec2 = decode(400, """
            <?xml version="1.0" encoding="UTF-8"?>
            <Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>The instance ID 'i-1' does not exist</Message></Error></Errors>\
            <RequestID>R-EC2</RequestID></Response>
            """)
        #expect(ec2.code == "InvalidInstanceID.NotFound" && ec2.requestID == "R-EC2")
        let route53 = decode(404, """
            <?xml version="1.0"?><ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error><Type>Sender</Type>\
            <Code>NoSuchHostedZone</Code><Message>No hosted zone found with ID: Z1</Message></Error><RequestId>R-R53</RequestId></ErrorResponse>
            """)
        #expect(route53.code == "NoSuchHostedZone" && route53.message == "No hosted zone found with ID: Z1")
        let entities = decode(400, "<Error><Code>InvalidArgument</Code><Message>a &lt;b&gt; &amp; &#x4E2D;</Message></Error>")
        #expect(entities.message == "a <b> & 中")
    }

    /// An error body that is not XML or JSON, or is hostile, still gives a typed error with the HTTP status.
    @Test(arguments: ["<Error><Code>", "<!DOCTYPE x [<!ENTITY a 'b'>]><Error><Code>&a;</Code></Error>", "{\"__type\": 7}", "\u{0}\u{1}garbage", String(repeating: "<a>", count: 10_000)])
    func unreadableBodiesFallBackToTheStatus(body: String) {
        let error = decode(503, body)
        #expect(error.status == 503)
        #expect(error.code == "ServiceUnavailable")
    }
}
