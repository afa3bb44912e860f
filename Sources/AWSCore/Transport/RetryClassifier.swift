import HTTPCore

/// Which failures the standard retry mode tries again, and at which quota cost.
enum RetryClassifier {
    enum Reason: Equatable {
        case throttled
        case transient
        case timedOut

        var cost: Int { self == .timedOut ? RetryQuota.timeoutRetryCost : RetryQuota.retryCost }
    }

    /// nil: not worth another attempt (every other 4xx, a local mistake, cancellation).
    static func reason(toRetry error: any Error) -> Reason? {
        switch error {
        case let error as AWSServiceError:
            switch error.kind {
            case .throttling: return .throttled
            case .transient: return .transient
            default: return nil
            }
        case let error as TransportError:
            switch error {
            case .timedOut: return .timedOut
            case .connectionFailed: return .transient
            case .failed: return nil
            }
        default:
            return nil
        }
    }
}
