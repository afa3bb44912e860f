import AWSCore
import Foundation
import TestSupport
import Testing
@testable import Inventory

/// The catalogue's facts checked where they come from: botocore's service models (operations, methods and
/// paths, wire names, paging members and ranges, every item and column path), plus the workbook's rules.
@Suite struct CatalogueModelTests {
    @Test func everyEntryAgreesWithBotocoresModels() throws {
        let input = try JSONSerialization.data(withJSONObject: Catalogue.kinds.map(Self.describe), options: [.sortedKeys])
        let result = try PythonScript.execute("scripts/tests/check_catalogue.py", input: input)
        let output = String(decoding: result.output, as: UTF8.self)
        #expect(result.status == 0, "\(output)\(result.errors)")
        #expect(output.contains("all hold"))
        print(output, terminator: "")
    }

    @Test func idsAndSheetNamesAreUniqueAndValid() {
        let ids = Catalogue.kinds.map(\.id)
        #expect(Set(ids).count == ids.count)
        let sheets = Catalogue.kinds.map { $0.sheet.lowercased() } + ["summary", "cost", "coverage"]
        #expect(Set(sheets).count == sheets.count, "sheet names differ ignoring case, and from the fixed sheets")
        for kind in Catalogue.kinds {
            #expect(kind.sheet.count <= 31 && !kind.sheet.contains { "[]:*?/\\".contains($0) }, "\(kind.sheet)")
            #expect(!kind.columns.isEmpty)
            #expect(Set(kind.columns.map(\.header)).count == kind.columns.count, "\(kind.id) repeats a header")
            #expect(kind.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" })
        }
    }

    @Test func theTwentyTwentyThreeSheetsAreAllThere() {
        let ids = Set(Catalogue.kinds.map(\.id))
        for id in [
            "iam-users", "dx-connections", "vpcs", "ram-resources", "security-group-rules", "load-balancers", "ec2-instances", "ebs-volumes",
            "efs-file-systems", "s3-buckets", "ecr-repositories", "ecs-clusters", "eks-clusters", "rds-instances", "rds-proxies",
            "dynamodb-tables", "elasticache-clusters", "redshift-clusters", "msk-clusters", "sqs-queues", "firehose-streams", "sns-topics",
            "lambda-functions", "secrets", "acm-certificates", "kms-keys", "codecommit-repositories", "codebuild-projects",
            "codedeploy-applications", "codepipeline-pipelines", "codeartifact-repositories", "cloudwatch-metrics", "log-groups",
            "cloudwatch-alarms", "event-rules", "cloudtrail-trails", "backup-vaults", "backup-plans", "backup-protected-resources",
            "backup-jobs", "waf-web-acls", "network-firewalls", "shield-protections", "hosted-zones", "cloudfront-distributions",
        ] {
            #expect(ids.contains(id), "\(id)")
        }
    }

    /// The catalogue as the checker reads it.
    static func describe(_ kind: ResourceKind) -> [String: Any] {
        var api: [String: Any] = [
            "serviceID": kind.api.service.serviceID, "signingName": kind.api.service.signingName,
            "endpointPrefix": kind.api.service.endpointPrefix,
        ]
        switch kind.api.wireProtocol {
        case .json(let version, let targetPrefix):
            api["protocol"] = "json"
            api["jsonVersion"] = version
            api["targetPrefix"] = targetPrefix
        case .query(let version):
            api["protocol"] = "query"
            api["apiVersion"] = version
        case .ec2(let version):
            api["protocol"] = "ec2"
            api["apiVersion"] = version
        case .restJSON: api["protocol"] = "restJSON"
        case .restXML: api["protocol"] = "restXML"
        }
        var listing: [String: Any] = [
            "operation": operation(kind.listing.operation), "input": kind.listing.input.map(\.name),
            "items": kind.listing.items.map(\.path.description),
            "expansions": kind.listing.expansions.map { ["name": $0.name, "branches": $0.branches.map(\.path.description)] },
        ]
        if let paging = kind.listing.paging { listing["paging"] = describe(paging) }
        if let detail = kind.listing.detail {
            var described: [String: Any] = [
                "operation": operation(detail.operation), "input": detail.input.map(\.name), "result": detail.result.description,
                "merge": { switch detail.merge { case .members: "members"; case .rows: "rows"; case .list: "list" } }(),
            ]
            if let paging = detail.paging { described["paging"] = describe(paging) }
            listing["detail"] = described
        }
        return [
            "id": kind.id, "api": api, "listing": listing,
            "columns": kind.columns.map { ["header": $0.header, "paths": paths($0.value).map(\.description)] },
        ]
    }

    static func operation(_ operation: AWSOperation) -> [String: Any] {
        ["name": operation.name, "method": operation.method.rawValue, "path": operation.path]
    }

    static func describe(_ paging: Paging) -> [String: Any] {
        var described: [String: Any] = ["inputToken": paging.paginator.inputToken, "outputToken": paging.paginator.outputToken.description]
        if let more = paging.paginator.moreResults { described["moreResults"] = more.description }
        if let limit = paging.paginator.limitKey { described["limitKey"] = limit }
        if let sizes = paging.pageSizes { described["pageSizes"] = [sizes.lowerBound, sizes.upperBound] }
        return described
    }

    static func paths(_ rule: CellRule) -> [AWSValuePath] {
        switch rule {
        case .path(let path), .join(let path), .count(let path), .tags(let path), .lastSegment(let path), .ipProtocol(let path):
            return [path]
        case .tag(_, let path), .entry(let path, _), .pairs(let path, _, _): return [path]
        case .firstOf(let paths), .latest(let paths): return paths
        case .portRange(let from, let to): return [from, to]
        case .orElse(let inner, _): return paths(inner)
        }
    }
}
