import LambdaRuntime
import NIOCore
import NIOHTTP1

/// One HTTP answer of the emulator.
struct EmulatorResponse {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders = HTTPHeaders()
    var body: ByteBuffer = ByteBuffer()
    /// Drop the connection instead of answering (fault injection).
    var dropConnection = false

    static func json(_ status: HTTPResponseStatus, _ text: String, headers: HTTPHeaders = HTTPHeaders()) -> EmulatorResponse {
        var headers = headers
        headers.replaceOrAdd(name: "content-type", value: "application/json")
        return EmulatorResponse(status: status, headers: headers, body: ByteBuffer(string: text))
    }

    static func error(_ status: HTTPResponseStatus, type: String, message: String) -> EmulatorResponse {
        var headers = HTTPHeaders()
        headers.add(name: "x-amzn-errortype", value: type)
        return json(status, FunctionError(errorType: type, errorMessage: message).json, headers: headers)
    }

    /// The Runtime API's acknowledgement of a response, an error or an init error.
    static let accepted = EmulatorResponse.json(.accepted, "{\"status\":\"OK\"}")
}
