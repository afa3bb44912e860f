import Foundation
@testable import LambdaEmulator
import NIOCore
import NIOHTTP1
import Testing

/// The emulator's Function URL: HTTP in, payload 2.0 event to the function, its answer back as HTTP.
@Suite struct FunctionURLEventTests {
    func event(_ head: HTTPRequestHead, body: String) throws -> [String: Any] {
        let event = FunctionURLEvent(request: head, path: "/hook", query: "a=1", body: ByteBuffer(string: body), peer: "198.51.100.7")
        return try #require(try JSONSerialization.jsonObject(with: Data(event.payload.readableBytesView)) as? [String: Any])
    }

    @Test func requestsBecomePayloadTwoEvents() throws {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "X-Ops-Webhook-Token", value: "t")
        headers.add(name: "X-Repeated", value: "a")
        headers.add(name: "x-repeated", value: "b")
        let json = try event(HTTPRequestHead(version: .http1_1, method: .POST, uri: "/_function_url/hook?a=1", headers: headers), body: #"{"id":"1"}"#)
        #expect(json["version"] as? String == "2.0" && json["rawPath"] as? String == "/hook" && json["rawQueryString"] as? String == "a=1")
        let received = try #require(json["headers"] as? [String: String])
        #expect(received["x-ops-webhook-token"] == "t" && received["x-repeated"] == "a,b", "lower-cased, repeats joined with commas")
        #expect(json["body"] as? String == #"{"id":"1"}"# && json["isBase64Encoded"] as? Bool == false)
        let http = try #require((json["requestContext"] as? [String: Any])?["http"] as? [String: Any])
        #expect(http["method"] as? String == "POST" && http["sourceIp"] as? String == "198.51.100.7")

        var binary = HTTPHeaders()
        binary.add(name: "Content-Type", value: "application/octet-stream")
        let encoded = try event(HTTPRequestHead(version: .http1_1, method: .PUT, uri: "/_function_url/hook", headers: binary), body: "\u{1}\u{2}")
        #expect(encoded["isBase64Encoded"] as? Bool == true && encoded["body"] as? String == "AQI=")
    }

    @Test func answersBecomeHTTPResponses() {
        let reply = FunctionURLEvent.response(to: .response(ByteBuffer(string: #"{"statusCode": 401, "headers": {"content-type": "application/json"}, "body": "{\"status\":\"rejected\"}"}"#)))
        #expect(reply.status == .unauthorized && String(buffer: reply.body) == #"{"status":"rejected"}"#)
        #expect(reply.headers.first(name: "content-type") == "application/json")
        let encoded = FunctionURLEvent.response(to: .response(ByteBuffer(string: #"{"statusCode": 200, "body": "aGk=", "isBase64Encoded": true}"#)))
        #expect(String(buffer: encoded.body) == "hi")
        let plain = FunctionURLEvent.response(to: .response(ByteBuffer(string: #"{"anything": true}"#)))
        #expect(plain.status == .ok && String(buffer: plain.body) == #"{"anything": true}"#, "no statusCode: Lambda answers the JSON as a 200")
        let failed = FunctionURLEvent.response(to: .functionError(errorType: "Runtime.ExitError", document: ByteBuffer(string: "{}")))
        #expect(failed.status == .badGateway)
    }

    @Test func theRouteTakesAnyMethodUnderThePrefix() {
        #expect(EmulatorRoute(method: .POST, uri: "/_function_url") == .functionURL(path: "/", query: ""))
        #expect(EmulatorRoute(method: .GET, uri: "/_function_url/a/b?x=1") == .functionURL(path: "/a/b", query: "x=1"))
        #expect(EmulatorRoute(method: .POST, uri: "/_function_urlx") == .notFound)
    }
}
