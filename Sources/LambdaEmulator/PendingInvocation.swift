import NIOCore

/// An invocation accepted by the Invoke API and not yet answered.
struct PendingInvocation {
    let requestID: String
    let traceID: String
    let payload: ByteBuffer
    let clientContext: String?
    let promise: EventLoopPromise<InvocationResult>
    let enqueuedAt = NIODeadline.now()
    /// The deadline timer, once a runtime has taken the invocation.
    var timer: Scheduled<Void>?
}
