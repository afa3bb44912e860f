import Foundation
import NIOCore
import NIOHTTP1

/// What Lambda's Function URLs do around a function: an HTTP request becomes a payload format 2.0 event, and
/// the function's answer (`{statusCode, headers, body, isBase64Encoded}`, or any other JSON, which Lambda
/// answers as a 200 `application/json`) becomes the HTTP response; a function error is a 502.
struct FunctionURLEvent {
    let payload: ByteBuffer

    /// Bodies of these content types are passed as text; anything else is base64, as Lambda does.
    static func isText(_ contentType: String?) -> Bool {
        guard let contentType = contentType?.lowercased() else { return true }
        return contentType.hasPrefix("text/") || ["json", "xml", "javascript", "x-www-form-urlencoded"].contains { contentType.contains($0) }
    }

    init(request: HTTPRequestHead, path: String, query: String, body: ByteBuffer, peer: String?) {
        var headers: [String: String] = [:]
        for (name, value) in request.headers {
            let key = name.lowercased()
            headers[key] = headers[key].map { $0 + "," + value } ?? value
        }
        let now = Date()
        let requestID = UUID().uuidString.lowercased()
        var event: [String: Any] = [
            "version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": query, "headers": headers,
            "requestContext": [
                "accountId": "anonymous", "apiId": "emulated", "domainName": headers["host"] ?? "localhost", "domainPrefix": "emulated",
                "requestId": requestID, "routeKey": "$default", "stage": "$default", "timeEpoch": Int64(now.timeIntervalSince1970 * 1000),
                "http": [
                    "method": request.method.rawValue, "path": path, "protocol": "HTTP/1.1", "sourceIp": peer ?? "127.0.0.1",
                    "userAgent": headers["user-agent"] ?? "",
                ],
            ] as [String: Any],
            "isBase64Encoded": false,
        ]
        if body.readableBytes > 0 {
            let bytes = Data(body.readableBytesView)
            if Self.isText(headers["content-type"]) {
                event["body"] = String(decoding: bytes, as: UTF8.self)
            } else {
                event["body"] = bytes.base64EncodedString()
                event["isBase64Encoded"] = true
            }
        }
        let data = (try? JSONSerialization.data(withJSONObject: event, options: [.sortedKeys])) ?? Data("{}".utf8)
        payload = ByteBuffer(bytes: data)
    }

    static func response(to outcome: InvocationResult) -> EmulatorResponse {
        guard case .response(let answer) = outcome else {
            return EmulatorResponse(status: .badGateway, body: ByteBuffer(string: "Internal Server Error"))
        }
        let object = try? JSONSerialization.jsonObject(with: Data(answer.readableBytesView))
        guard let document = object as? [String: Any], let status = document["statusCode"] as? Int else {
            var response = EmulatorResponse(status: .ok, body: answer)
            response.headers.add(name: "content-type", value: "application/json")
            return response
        }
        var response = EmulatorResponse(status: HTTPResponseStatus(statusCode: status))
        for (name, value) in document["headers"] as? [String: Any] ?? [:] {
            response.headers.add(name: name, value: "\(value)")
        }
        if let text = document["body"] as? String {
            if document["isBase64Encoded"] as? Bool == true, let bytes = Data(base64Encoded: text) {
                response.body = ByteBuffer(bytes: bytes)
            } else {
                response.body = ByteBuffer(string: text)
            }
        }
        return response
    }
}
