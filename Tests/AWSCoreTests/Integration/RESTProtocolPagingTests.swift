@testable import AWSCore
import Foundation
import Testing
import TestSupport

/// The REST protocols' paging and errors, signed and checked: moto 5.2.1 alone refuses every REST GET (it
/// hashes the query as if it were the body); our launcher (scripts/tests/moto_server.py) corrects that.
@Suite(.moto(authentication: true), .serialized)
struct RESTProtocolPagingTests {
    @Test func restJSONAndRestXMLPageAndDecodeErrors() async throws {
        let moto = try Moto.require()
        let made = try ProtocolIntegrationTests.fixture(moto)
        let integration = ProtocolIntegrationTests()

        // REST-JSON: EKS, maxResults and nextToken in the query string, errors in x-amzn-ErrorType.
        let eks = try integration.client(moto, AWSService.regional("eks", serviceID: "EKS"), .restJSON)
        let clusters = try await integration.pages(
            eks, AWSOperation("ListClusters", method: .GET, path: "/clusters"),
            paginator: Paginator(inputToken: "nextToken", outputToken: "nextToken", resultKeys: ["clusters"], limitKey: "maxResults"),
            pageSize: 2, path: "clusters[]")
        #expect(clusters.pages == 3 && Set(clusters.values) == Set(made.clusters), "\(clusters)")
        await integration.expectError(code: "ResourceNotFoundException", status: 404) {
            _ = try await eks.send(AWSOperation("DescribeCluster", method: .GET, path: "/clusters/{name}"), OperationInput(pathLabels: ["name": "nope"]))
        }

        // REST-XML: Route 53, global, lists of <HostedZone> (no <member>), IsTruncated and NextMarker.
        let route53 = try integration.client(moto, .route53, .restXML)
        #expect(route53.configuration.region == "us-east-1")
        let zones = try await integration.pages(
            route53, AWSOperation("ListHostedZones", method: .GET, path: "/2013-04-01/hostedzone"),
            paginator: Paginator(inputToken: "marker", outputToken: "NextMarker", moreResults: "IsTruncated", resultKeys: ["HostedZones"], limitKey: "maxitems"),
            pageSize: 2, path: "HostedZones[].Id")
        #expect(zones.pages == 3 && Set(zones.values) == Set(made.zones), "\(zones)")
        await integration.expectError(code: "NoSuchHostedZone", status: 404) {
            _ = try await route53.send(AWSOperation("GetHostedZone", method: .GET, path: "/2013-04-01/hostedzone/{Id}"), OperationInput(pathLabels: ["Id": "ZNOSUCHZONE"]))
        }
    }
}
