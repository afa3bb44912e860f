import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A plain HTTP exchange for tests that talk to local servers (emulator, moto, fakes).
public struct HTTPExchange: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data

    public var text: String { String(decoding: body, as: UTF8.self) }

    public func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw HTTPTestClientError.notAJSONObject(text)
        }
        return object
    }
}

public enum HTTPTestClientError: Error {
    case notAJSONObject(String)
}

public enum HTTPTestClient {
    public static func send(
        _ method: HTTPMethod,
        _ url: String,
        body: Data? = nil,
        headers: [(String, String)] = [],
        timeout: TimeAmount = .seconds(60)
    ) async throws -> HTTPExchange {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        let collected = try await response.body.collect(upTo: 64 * 1024 * 1024)
        return HTTPExchange(status: Int(response.status.code), headers: response.headers, body: Data(collected.readableBytesView))
    }

    public static func post(_ url: String, json: String, headers: [(String, String)] = []) async throws -> HTTPExchange {
        try await send(.POST, url, body: Data(json.utf8), headers: [("content-type", "application/json")] + headers)
    }
}
