import AWSCore

/// The paging styles the catalogue's APIs share, from their `paginators-1.json` entries and documented limits.
extension Paging {
    /// A token member in and out of the same name family; `input` and `limit` as the wire names them.
    static func token(
        _ input: String, _ output: AWSValuePath, more: AWSValuePath? = nil, limit: String? = nil, sizes: ClosedRange<Int>? = nil
    ) -> Paging {
        Paging(Paginator(inputToken: input, outputToken: output, moreResults: more, resultKeys: [], limitKey: limit), pageSizes: sizes)
    }

    /// EC2's `NextToken` (answered as `nextToken`) with `MaxResults` from 5.
    static func ec2(max: Int = 1_000) -> Paging { token("NextToken", "nextToken", limit: "MaxResults", sizes: 5...max) }
    /// IAM's `Marker` while `IsTruncated`.
    static let iam = token("Marker", "Marker", more: "IsTruncated", limit: "MaxItems", sizes: 1...1_000)
    /// RDS, ElastiCache and Redshift: `Marker` with `MaxRecords` 20…100.
    static let records = token("Marker", "Marker", limit: "MaxRecords", sizes: 20...100)
    /// The JSON protocols' `NextToken`.
    static func nextToken(limit: String? = "MaxResults", sizes: ClosedRange<Int>? = nil) -> Paging {
        token("NextToken", "NextToken", limit: limit, sizes: sizes)
    }
    /// The same in lower camel case (ECS, EKS, ECR, Logs, CodeBuild, CodeDeploy, CodePipeline).
    static func lowerNextToken(limit: String? = "maxResults", sizes: ClosedRange<Int>? = nil) -> Paging {
        token("nextToken", "nextToken", limit: limit, sizes: sizes)
    }
}
