/// How an operation pages, as data (the `paginators-1.json` entry of its model): which input member takes
/// the token, where the next token is in the output, what says "more" when the token alone does not, which
/// members hold the results, and which input member caps a page.
public struct Paginator: Sendable, Equatable {
    /// Wire name of the input member the token goes in (`NextToken`, `Marker`, `marker`, `ExclusiveStartTableName`).
    public var inputToken: String
    /// Where the next page's token is in the output (`NextToken`, `Marker`, `NextMarker`, `LastEvaluatedTableName`),
    /// or the list whose last item starts the next page (Firehose's `DeliveryStreamNames[]`).
    public var outputToken: AWSValuePath
    /// A flag that must be true for another page (IAM's and Route 53's `IsTruncated`); nil when a token is enough.
    public var moreResults: AWSValuePath?
    /// The members holding the page's results.
    public var resultKeys: [AWSValuePath]
    /// Wire name of the input member that sets the page size (`MaxItems`, `MaxResults`, `maxResults`, `Limit`).
    public var limitKey: String?

    public init(
        inputToken: String, outputToken: AWSValuePath, moreResults: AWSValuePath? = nil, resultKeys: [AWSValuePath],
        limitKey: String? = nil
    ) {
        self.inputToken = inputToken
        self.outputToken = outputToken
        self.moreResults = moreResults
        self.resultKeys = resultKeys
        self.limitKey = limitKey
    }

    /// The next page's token, or nil when `page` was the last: no token, an empty one, the same one again (a
    /// service that repeats its token would otherwise be paged forever), or `moreResults` not true.
    func nextToken(after page: AWSValue, previous: AWSValue?) -> AWSValue? {
        if let moreResults, page.values(at: moreResults).first?.text != "true" { return nil }
        // The last value: a token member has one, and Firehose's token is the last name of the page's list.
        guard let token = page.values(at: outputToken).last, token != .null, token.text != "" else { return nil }
        return token == previous ? nil : token
    }
}
