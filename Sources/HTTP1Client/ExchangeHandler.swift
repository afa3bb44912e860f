import HTTPCore
import NIOCore
import NIOHTTP1
import NIOTLS

/// One request at a time on one connection, the last handler of its pipeline: writes the request and
/// collects the whole answer. The exchange ends with the answer's end, or fails on silence longer than the
/// read timeout, on the request's deadline, on an answer over the size limit, or when the connection closes;
/// every failure but the answer's end closes the connection, so a half-read answer is never reused.
final class ExchangeHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = Exchange
    typealias OutboundOut = HTTPClientRequestPart

    struct Exchange: Sendable {
        var head: HTTPRequestHead
        var body: ByteBuffer?
        var deadline: NIODeadline
        var promise: EventLoopPromise<Answer>
    }

    struct Answer: Sendable {
        var head: HTTPResponseHead
        var body: ByteBuffer
    }

    enum Failure: Error, Equatable {
        /// The connection closed before any byte of the answer: on a reused connection, the server had
        /// already dropped it, and the request may go again on a new one.
        case closedBeforeAnswer
        case closedMidAnswer
        case readTimeout(TimeAmount)
        case deadlinePassed
        case tooLarge(limit: Int)
        /// A second exchange on a connection still busy with one: a bug in the pool, not the network.
        case busy
    }

    private struct Pending {
        var promise: EventLoopPromise<Answer>
        var head: HTTPResponseHead?
        var body: ByteBuffer?
        var readTimer: Scheduled<Void>?
        var deadlineTimer: Scheduled<Void>?
    }

    private let readTimeout: TimeAmount
    private let maximumBodyBytes: Int
    private var pending: Pending?
    /// On a TLS connection, completed by the end of the handshake: with its error when it fails, which would
    /// otherwise come before any exchange and be lost with the connection.
    private let handshake: EventLoopPromise<Void>?

    init(readTimeout: TimeAmount, maximumBodyBytes: Int, handshake: EventLoopPromise<Void>? = nil) {
        self.readTimeout = readTimeout
        self.maximumBodyBytes = maximumBodyBytes
        self.handshake = handshake
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event {
            handshake?.succeed()
        }
        context.fireUserInboundEventTriggered(event)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        guard pending == nil else {
            exchange.promise.fail(Failure.busy)
            promise?.fail(Failure.busy)
            return
        }
        pending = Pending(promise: exchange.promise)
        let loopBound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        pending?.deadlineTimer = context.eventLoop.scheduleTask(deadline: exchange.deadline) {
            loopBound.value.handler.fail(Failure.deadlinePassed, context: loopBound.value.context)
        }
        armReadTimer(context: context)
        // TLS fails the writes it held during a handshake with the handshake's error before the connection
        // closes: that error, not the close, is what the exchange ends with.
        let written = context.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenFailure { error in
            guard !(error is ChannelError) else { return }
            loopBound.value.handler.fail(error, context: loopBound.value.context)
        }
        written.futureResult.cascade(to: promise)
        context.write(wrapOutboundOut(.head(exchange.head)), promise: nil)
        if let body = exchange.body {
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        context.write(wrapOutboundOut(.end(nil)), promise: written)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // An answer nobody asked for (a server's 408 on an idle connection): the connection is out of step.
        guard pending != nil else {
            context.close(promise: nil)
            return
        }
        armReadTimer(context: context)
        switch unwrapInboundIn(data) {
        case .head(let head):
            pending?.head = head
        case .body(var chunk):
            let held = pending?.body?.readableBytes ?? 0
            guard held + chunk.readableBytes <= maximumBodyBytes else {
                fail(Failure.tooLarge(limit: maximumBodyBytes), context: context)
                return
            }
            if pending?.body == nil {
                pending?.body = chunk
            } else {
                pending?.body?.writeBuffer(&chunk)
            }
        case .end:
            guard let finished = takePending() else { return }
            guard let head = finished.head else {
                finished.promise.fail(Failure.closedMidAnswer)
                context.close(promise: nil)
                return
            }
            finished.promise.succeed(Answer(head: head, body: finished.body ?? context.channel.allocator.buffer(capacity: 0)))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        handshake?.fail(Failure.closedBeforeAnswer)
        if let pending {
            fail(pending.head == nil && pending.body == nil ? Failure.closedBeforeAnswer : Failure.closedMidAnswer, context: context)
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // The decoder's word for a connection that closed before the answer's announced end.
        if case HTTPParserError.invalidEOFState = error {
            fail(Failure.closedMidAnswer, context: context)
        } else {
            fail(error, context: context)
        }
    }

    /// Ends the pending exchange with `error` and closes the connection: what is left of its answer is unusable.
    private func fail(_ error: any Error, context: ChannelHandlerContext) {
        handshake?.fail(error)
        takePending()?.promise.fail(error)
        context.close(promise: nil)
    }

    /// The pending exchange, removed, its timers cancelled: whichever way an exchange ends, it ends once.
    private func takePending() -> Pending? {
        let taken = pending
        pending = nil
        taken?.readTimer?.cancel()
        taken?.deadlineTimer?.cancel()
        return taken
    }

    private func armReadTimer(context: ChannelHandlerContext) {
        pending?.readTimer?.cancel()
        let timeout = readTimeout
        let loopBound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        pending?.readTimer = context.eventLoop.scheduleTask(in: timeout) {
            loopBound.value.handler.fail(Failure.readTimeout(timeout), context: loopBound.value.context)
        }
    }
}
