import HTTPCore
import NIOHTTP1
import TestSupport

/// Answers in the AWS JSON protocols' shape.
extension ScriptedTransport {
    static func json(_ status: Int, _ body: String, headers: [(String, String)] = []) -> Answer {
        Answer { _ in
            HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/x-amz-json-1.0")] + headers), body: Array(body.utf8))
        }
    }

    static func awsError(_ status: Int, code: String, message: String = "scripted") -> Answer {
        json(status, #"{"__type":"com.amazonaws.dynamodb.v20120810#\#(code)","message":"\#(message)"}"#)
    }

    static func fail(_ error: TransportError) -> Answer {
        .failure(error)
    }
}
