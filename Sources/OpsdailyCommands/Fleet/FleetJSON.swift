import Fleet

/// A listing that could not be read, in every fleet command's JSON.
struct ProblemJSON: Encodable {
    let account: String
    let region: String
    let listing: String
    let reason: String

    init(_ problem: ReadProblem) {
        account = problem.account
        region = problem.region
        listing = problem.listing
        reason = problem.reason
    }
}

/// A write AWS refused, in the apply commands' JSON.
struct FailureJSON: Encodable {
    let target: String
    let region: String
    let reason: String

    init(_ failure: WriteLog.Failure) {
        target = failure.target
        region = failure.region
        reason = failure.reason
    }
}
