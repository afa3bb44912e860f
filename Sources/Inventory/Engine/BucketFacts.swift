import AWSCore
import CivilTime
import HTTPCore

/// Each bucket's region, size and object count, from the daily AWS/S3 storage metrics of the bucket's region:
/// never by listing its objects (the 2023 script walked every object of every bucket).
enum BucketFacts {
    static let getBucketLocation = AWSOperation("GetBucketLocation", method: .GET, path: "/{Bucket}?location")
    static let listMetrics = AWSOperation("ListMetrics")
    static let getMetricData = AWSOperation("GetMetricData")
    static let listMetricsPaging = Paging(Paginator(inputToken: "NextToken", outputToken: "NextToken", resultKeys: ["Metrics[]"]))
    /// GetMetricData takes at most 500 queries a call.
    static let queriesPerCall = 500

    /// Rows gain `Region` (from `BucketRegion`, else GetBucketLocation), `SizeBytes` (every storage class
    /// summed) and `ObjectCount`, when the metrics have them.
    static func join(_ rows: [AWSValue], context: ListingContext, failures: inout [String: Int]) async throws -> [AWSValue] {
        let s3 = try context.client(.s3)
        // Buckets ListBuckets gave no region for are asked one by one, concurrently under the S3 gate.
        let regions = await withTaskGroup(of: (Int, Result<String, any Error>).self) { group in
            for (index, row) in rows.enumerated() {
                group.addTask {
                    if let region = row["BucketRegion"]?.text, !region.isEmpty { return (index, .success(region)) }
                    let input = OperationInput(pathLabels: ["Bucket": row["Name"]?.text ?? ""])
                    return (index, await Result(catching: { region(fromLocationConstraint: try await context.send(s3, getBucketLocation, input)) }))
                }
            }
            var regions: [Int: Result<String, any Error>] = [:]
            for await (index, result) in group { regions[index] = result }
            return regions
        }
        var located: [(row: AWSValue, region: String?)] = []
        for (index, row) in rows.enumerated() {
            switch regions[index] ?? .failure(CancellationError()) {
            case .success(let region): located.append((row, region))
            case .failure(let error):
                failures["GetBucketLocation " + Coverage.code(of: error), default: 0] += 1
                located.append((row, nil))
            }
        }
        var facts: [String: (size: Int64?, objects: Int64?)] = [:]
        for region in Set(located.compactMap(\.region)).sorted() {
            let names = Set(located.filter { $0.region == region }.compactMap { $0.row["Name"]?.text })
            do {
                for (name, fact) in try await metrics(buckets: names, region: region, context: context) { facts[name] = fact }
            } catch {
                failures["S3 metrics in \(region) " + Coverage.code(of: error), default: 0] += 1
            }
        }
        return located.map { row, region in
            var added: [AWSValue.Member] = []
            if let region { added.append(AWSValue.Member("Region", .string(region))) }
            if let name = row["Name"]?.text, let fact = facts[name] {
                if let size = fact.size {
                    added.append(AWSValue.Member("SizeBytes", .number(String(size))))
                    added.append(AWSValue.Member("SizeGiB", .string(gibibytes(size))))
                }
                if let objects = fact.objects { added.append(AWSValue.Member("ObjectCount", .number(String(objects)))) }
            }
            return .structure(KindLister.members(of: row) + added)
        }
    }

    /// GetBucketLocation's answer: an empty constraint is us-east-1, and `EU` the old name of eu-west-1.
    static func region(fromLocationConstraint answer: AWSValue) -> String {
        let constraint = String((answer["LocationConstraint"]?.text ?? answer.text ?? "").trimmedWhitespace)
        switch constraint {
        case "": return "us-east-1"
        case "EU": return "eu-west-1"
        default: return constraint
        }
    }

    /// The latest daily value of every bucket's storage metrics in one region: ListMetrics finds which storage
    /// classes each bucket has, GetMetricData reads them 500 at a time.
    static func metrics(buckets: Set<String>, region: String, context: ListingContext) async throws -> [String: (size: Int64?, objects: Int64?)] {
        let cloudWatch = try context.client(.cloudWatch, region: region)
        let listInput = OperationInput(parameters: [.init("Namespace", "AWS/S3")])
        let pages = try await context.pages(cloudWatch, listMetrics, listInput, paging: listMetricsPaging)
        struct Query {
            let bucket: String
            let metric: String
            let storageType: String
        }
        let queries: [Query] = pages.flatMap { $0.values(at: "Metrics[]") }.compactMap { metric in
            guard let name = metric["MetricName"]?.text, name == "BucketSizeBytes" || name == "NumberOfObjects" else { return nil }
            let dimensions = Dictionary(
                metric.values(at: "Dimensions[]").compactMap { dimension in dimension["Name"]?.text.map { ($0, dimension["Value"]?.text ?? "") } },
                uniquingKeysWith: { first, _ in first })
            guard let bucket = dimensions["BucketName"], buckets.contains(bucket), let storageType = dimensions["StorageType"] else { return nil }
            return Query(bucket: bucket, metric: name, storageType: storageType)
        }
        var facts: [String: (size: Int64?, objects: Int64?)] = [:]
        for start in stride(from: 0, to: queries.count, by: queriesPerCall) {
            let chunk = Array(queries[start..<min(start + queriesPerCall, queries.count)])
            var parameters: [OperationInput.Parameter] = [
                .init("StartTime", context.now.adding(seconds: -3 * 86_400).iso8601()), .init("EndTime", context.now.iso8601()),
            ]
            for (index, query) in chunk.enumerated() {
                let prefix = "MetricDataQueries.member.\(index + 1)."
                parameters += [
                    .init(prefix + "Id", "q\(index)"),
                    .init(prefix + "MetricStat.Metric.Namespace", "AWS/S3"),
                    .init(prefix + "MetricStat.Metric.MetricName", query.metric),
                    .init(prefix + "MetricStat.Metric.Dimensions.member.1.Name", "BucketName"),
                    .init(prefix + "MetricStat.Metric.Dimensions.member.1.Value", query.bucket),
                    .init(prefix + "MetricStat.Metric.Dimensions.member.2.Name", "StorageType"),
                    .init(prefix + "MetricStat.Metric.Dimensions.member.2.Value", query.storageType),
                    .init(prefix + "MetricStat.Period", "86400"),
                    .init(prefix + "MetricStat.Stat", "Average"),
                ]
            }
            let answer = try await context.send(cloudWatch, getMetricData, OperationInput(parameters: parameters))
            for result in answer.values(at: "MetricDataResults[]") {
                guard let id = result["Id"]?.text, let index = Int(id.dropFirst()), chunk.indices.contains(index),
                      let value = latest(result)
                else { continue }
                let query = chunk[index]
                var fact = facts[query.bucket] ?? (nil, nil)
                if query.metric == "BucketSizeBytes" {
                    fact.size = (fact.size ?? 0) + value
                } else if query.storageType == "AllStorageTypes" {
                    fact.objects = value
                }
                facts[query.bucket] = fact
            }
        }
        return facts
    }

    /// The newest datapoint of a result, whole (sizes and counts are integral; averages of one daily value).
    private static func latest(_ result: AWSValue) -> Int64? {
        let values = result.values(at: "Values[]").compactMap(\.text)
        let timestamps = result.values(at: "Timestamps[]").compactMap { $0.text.flatMap { try? Instant(iso8601: $0) } }
        let newest = timestamps.indices.max { timestamps[$0] < timestamps[$1] } ?? 0
        guard values.indices.contains(newest) else { return nil }
        let whole = values[newest].split(separator: ".").first.map(String.init) ?? values[newest]
        if let parsed = Int64(whole) { return parsed }
        // CloudWatch may write large values in exponent form (`1.2345E10`).
        return Double(values[newest]).flatMap { $0.isFinite && abs($0) < 9e18 ? Int64($0.rounded()) : nil }
    }

    /// `12.34` GiB from a byte count, rounded half up to two places with integers only.
    static func gibibytes(_ bytes: Int64) -> String {
        let hundredths = (Int128(bytes) * 100 + (1 << 29)) >> 30
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
