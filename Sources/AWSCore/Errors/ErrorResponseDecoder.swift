#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOHTTP1

/// Turns a non-2xx answer into an `AWSServiceError`, whichever shape it comes in: the JSON protocols'
/// `__type` + `message`, S3's `<Error><Code>`, or the `<ErrorResponse><Error><Code>` that query-protocol
/// services (and local AWS servers refusing a signature) send.
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
        if let start, body[start] == UInt8(ascii: "{"), let json = try? JSONDecoder().decode(JSONBody.self, from: Data(body)) {
            code = json.__type ?? json.code
            message = json.message ?? json.Message
        } else if let start, body[start] == UInt8(ascii: "<") {
            let xml = String(decoding: body, as: UTF8.self)
            code = XMLElementText.first("Code", in: xml)
            message = XMLElementText.first("Message", in: xml)
            requestID = requestID ?? XMLElementText.first("RequestId", in: xml)
        }
        if code == nil, let header = headers.first(name: "x-amzn-ErrorType") { code = header }
        return AWSServiceError(
            status: status,
            code: code.map(shortCode) ?? HTTPResponseStatus(statusCode: status).reasonPhrase.replacing(" ", with: ""),
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
