import JSONCoding
import NIOHTTP1
import XMLTree

/// Turns a non-2xx answer into an `AWSServiceError`, whichever protocol's shape it comes in: the JSON
/// protocols' `__type` (or `code`) + `message`, REST-JSON's `x-amzn-ErrorType` header, the query protocol's
/// `<ErrorResponse><Error><Code>`, EC2's `<Response><Errors><Error><Code>`, REST-XML's `<Error><Code>`.
enum ErrorResponseDecoder {
    private struct JSONBody: Decodable {
        let __type: String?
        let code: String?
        let message: String?
        let Message: String?
    }

    static func decode(status: Int, headers: HTTPHeaders, body: [UInt8], operation: String) -> AWSServiceError {
        var code: String?
        var message: String?
        var requestID = headers.first(name: "x-amzn-RequestId") ?? headers.first(name: "x-amz-request-id")

        let start = body.firstIndex { !(($0 == 0x20) || ($0 == 0x0A) || ($0 == 0x0D) || ($0 == 0x09)) }
        if let start, body[start] == UInt8(ascii: "{"), let json = try? JSONDecoding().decode(JSONBody.self, from: body) {
            code = json.__type ?? json.code
            message = json.message ?? json.Message
        } else if let start, body[start] == UInt8(ascii: "<"), let root = try? XMLBody.parse(body) {
            // The first <Error> wherever the protocol nests it, or the root when it is the error itself.
            let error = root.name == "Error" ? root : root.path("Error") ?? root.path("Errors", "Error") ?? root
            code = error.child("Code")?.text
            message = error.child("Message")?.text
            requestID = requestID ?? (root.child("RequestId") ?? root.child("RequestID") ?? error.child("RequestId"))?.text
        }
        if code == nil, let header = headers.first(name: "x-amzn-ErrorType") { code = header }
        return AWSServiceError(
            status: status,
            code: code.map(shortCode) ?? String(HTTPResponseStatus(statusCode: status).reasonPhrase.filter { $0 != " " }),
            message: message,
            requestID: requestID,
            operation: operation
        )
    }

    /// `com.amazonaws.dynamodb.v20120810#ResourceNotFoundException` and `ValidationException:http://…` both mean the bare code.
    static func shortCode(_ raw: String) -> String {
        var code = Substring(raw)
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        return String(code)
    }
}
