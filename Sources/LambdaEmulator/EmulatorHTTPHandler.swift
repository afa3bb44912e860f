import Foundation
import NIOCore
import NIOHTTP1

/// Reads whole HTTP requests and hands them to the broker. One instance per connection, on the broker's loop.
final class EmulatorHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Bodies beyond this are not buffered: far above Lambda's limits, so the 413s of the protocol can still be
    /// produced for realistic oversize payloads without letting a runaway client exhaust memory.
    static let maximumBufferedBody = 32 * 1024 * 1024
    /// Lambda's limit for a synchronous Invoke request payload.
    static let maximumInvokePayload = 6_291_456

    private let broker: NIOLoopBound<InvocationBroker>
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()
    private var overflowed = false

    init(broker: NIOLoopBound<InvocationBroker>) {
        self.broker = broker
    }

    func channelActive(context: ChannelHandlerContext) {
        broker.value.connectionOpened()
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body.clear()
            overflowed = false
        case .body(var chunk):
            if body.readableBytes + chunk.readableBytes > Self.maximumBufferedBody {
                overflowed = true
            } else {
                body.writeBuffer(&chunk)
            }
        case .end:
            guard let requestHead = head else { return }
            head = nil
            if overflowed {
                write(.error(.payloadTooLarge, type: "RequestEntityTooLarge", message: "request body too large"),
                      context: context, keepAlive: false)
                return
            }
            route(requestHead, body: body, context: context)
        }
    }

    private func route(_ request: HTTPRequestHead, body: ByteBuffer, context: ChannelHandlerContext) {
        let broker = self.broker.value
        let keepAlive = request.isKeepAlive
        switch EmulatorRoute(method: request.method, uri: request.uri) {
        case .next:
            let loopBoundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
            broker.next { [self] response in self.write(response, context: loopBoundContext.value, keepAlive: keepAlive) }
        case .invocationResponse(let requestID):
            write(broker.response(requestID: requestID, body: body), context: context, keepAlive: keepAlive)
        case .invocationError(let requestID):
            let errorType = request.headers.first(name: "lambda-runtime-function-error-type")
            write(broker.error(requestID: requestID, errorType: errorType, document: body), context: context, keepAlive: keepAlive)
        case .initializationError:
            let errorType = request.headers.first(name: "lambda-runtime-function-error-type")
            write(broker.initializationError(errorType: errorType, document: body), context: context, keepAlive: keepAlive)
        case .invoke(let functionName):
            invoke(request, functionName: functionName, body: body, context: context)
        case .functionURL(let path, let query):
            invokeThroughURL(request, path: path, query: query, body: body, context: context)
        case .health:
            write(.json(.ok, "{\"status\":\"OK\"}"), context: context, keepAlive: keepAlive)
        case .stats:
            write(.json(.ok, broker.statistics.json), context: context, keepAlive: keepAlive)
        case .fault(let query):
            let fault = query.hasPrefix("next=") ? String(query.dropFirst(5)) : ""
            guard fault == "500" || fault == "close" else {
                write(.error(.badRequest, type: "InvalidFault", message: "use ?next=500 or ?next=close"), context: context, keepAlive: keepAlive)
                return
            }
            broker.inject(fault: fault)
            write(.json(.ok, "{\"status\":\"OK\"}"), context: context, keepAlive: keepAlive)
        case .notFound:
            write(.error(.notFound, type: "ResourceNotFoundException", message: "no route for \(request.method) \(request.uri)"),
                  context: context, keepAlive: keepAlive)
        }
    }

    /// The Invoke API: synchronous by default, `X-Amz-Invocation-Type: Event` answers 202 at once.
    private func invoke(_ request: HTTPRequestHead, functionName: String, body: ByteBuffer, context: ChannelHandlerContext) {
        let broker = self.broker.value
        let keepAlive = request.isKeepAlive
        guard functionName == broker.configuration.functionName || functionName == "function" else {
            write(.error(.notFound, type: "ResourceNotFoundException", message: "Function not found: \(functionName)"),
                  context: context, keepAlive: keepAlive)
            return
        }
        guard body.readableBytes <= Self.maximumInvokePayload else {
            write(.error(.payloadTooLarge, type: "RequestEntityTooLargeException",
                         message: "Request must be smaller than \(Self.maximumInvokePayload) bytes for the InvokeFunction operation"),
                  context: context, keepAlive: keepAlive)
            return
        }
        let clientContext = request.headers.first(name: "x-amz-client-context").flatMap(Self.decodeBase64)
        let result = broker.invoke(payload: body, clientContext: clientContext)
        if request.headers.first(name: "x-amz-invocation-type") == "Event" {
            write(EmulatorResponse(status: .accepted), context: context, keepAlive: keepAlive)
            return
        }
        let loopBoundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        let loopBoundSelf = NIOLoopBound(self, eventLoop: context.eventLoop)
        result.whenSuccess { outcome in
            var response: EmulatorResponse
            switch outcome {
            case .response(let payload):
                response = EmulatorResponse(status: .ok, body: payload)
                response.headers.add(name: "content-type", value: "application/json")
            case .functionError(let errorType, let document):
                response = .json(.ok, String(buffer: document))
                response.headers.add(name: "x-amz-function-error", value: "Unhandled")
                response.headers.add(name: "x-opsdaily-error-type", value: errorType)
            }
            response.headers.add(name: "x-amz-executed-version", value: "$LATEST")
            loopBoundSelf.value.write(response, context: loopBoundContext.value, keepAlive: keepAlive)
        }
    }

    /// A Function URL: the request becomes a payload 2.0 event, the function's answer an HTTP response.
    private func invokeThroughURL(_ request: HTTPRequestHead, path: String, query: String, body: ByteBuffer, context: ChannelHandlerContext) {
        let keepAlive = request.isKeepAlive
        guard body.readableBytes <= Self.maximumInvokePayload else {
            write(.error(.payloadTooLarge, type: "RequestEntityTooLargeException", message: "Request Too Long"), context: context, keepAlive: keepAlive)
            return
        }
        let event = FunctionURLEvent(request: request, path: path, query: query, body: body, peer: context.remoteAddress?.ipAddress)
        let result = broker.value.invoke(payload: event.payload, clientContext: nil)
        let loopBoundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        let loopBoundSelf = NIOLoopBound(self, eventLoop: context.eventLoop)
        result.whenSuccess { outcome in
            loopBoundSelf.value.write(FunctionURLEvent.response(to: outcome), context: loopBoundContext.value, keepAlive: keepAlive)
        }
    }

    private func write(_ response: EmulatorResponse, context: ChannelHandlerContext, keepAlive: Bool) {
        guard context.channel.isActive else { return }
        if response.dropConnection {
            // The FIN first: shutting the socket down ends the connection even where a child process holds
            // a copy of its descriptor, which a close alone would not.
            let channel = context.channel
            channel.close(mode: .output).whenComplete { _ in channel.close(promise: nil) }
            return
        }
        var headers = response.headers
        headers.replaceOrAdd(name: "content-length", value: String(response.body.readableBytes))
        if !keepAlive { headers.replaceOrAdd(name: "connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: response.status, headers: headers))), promise: nil)
        if response.body.readableBytes > 0 {
            context.write(wrapOutboundOut(.body(.byteBuffer(response.body))), promise: nil)
        }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            written.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    private static func decodeBase64(_ text: String) -> String? {
        guard let data = Data(base64Encoded: text) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
