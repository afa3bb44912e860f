/// The request id of the invocation the current task is serving. A task-local rather than logger metadata,
/// so that lines logged by libraries with their own `Logger` still carry the request id.
public enum InvocationLogContext {
    @TaskLocal public static var requestID: String?
}
