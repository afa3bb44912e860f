@testable import AWSCore
import Foundation
import HTTPCore
import Testing

/// What each protocol puts on the wire, before signing.
@Suite struct WireProtocolTests {
    let endpoint = AWSEndpoint(scheme: "https", host: "service.ap-northeast-2.amazonaws.com", isCustom: false)

    func request(_ wireProtocol: WireProtocol, _ operation: AWSOperation, _ input: OperationInput) throws -> AWSRequest {
        try wireProtocol.request(operation, input, endpoint: endpoint, timeout: .seconds(5))
    }

    @Test func queryAndEC2PostAFormWithActionAndVersion() throws {
        let input = OperationInput(parameters: [.init("Filter.1.Name", "tag:Name"), .init("Filter.1.Value.1", "a b&c=d/é+")])
        for wireProtocol in [WireProtocol.ec2(apiVersion: "2016-11-15"), .query(apiVersion: "2016-11-15")] {
            let request = try request(wireProtocol, AWSOperation("DescribeInstances"), input)
            #expect(request.method == .POST && request.path == "/")
            #expect(request.headers.first(name: "Content-Type") == "application/x-www-form-urlencoded; charset=utf-8")
            #expect(String(decoding: request.body, as: UTF8.self)
                == "Action=DescribeInstances&Version=2016-11-15&Filter.1.Name=tag%3AName&Filter.1.Value.1=a+b%26c%3Dd%2F%C3%A9%2B", "a space is + in a form, as the SDKs send it")
        }
    }

    @Test func membersBecomeTheQueryProtocolsFormOrAJSONBody() throws {
        let members = [
            AWSValue.Member("ResourceId", .list([.string("i-1"), .string("i-2")])),
            AWSValue.Member("Tag", .list([.structure([.init("Key", .string("k")), .init("Value", .string("v"))])])),
            AWSValue.Member("Empty", .list([])), AWSValue.Member("Skipped", .null),
        ]
        #expect(OperationInput(members: members, in: .ec2(apiVersion: "2016-11-15")).parameters.map { "\($0.name)=\($0.value)" }
            == ["ResourceId.1=i-1", "ResourceId.2=i-2", "Tag.1.Key=k", "Tag.1.Value=v"])
        #expect(OperationInput(members: members, in: .query(apiVersion: "2010-08-01")).parameters.map { "\($0.name)=\($0.value)" }
            == ["ResourceId.member.1=i-1", "ResourceId.member.2=i-2", "Tag.member.1.Key=k", "Tag.member.1.Value=v", "Empty="])
        let json = OperationInput(members: members, in: .json(version: "1.1", targetPrefix: "X"))
        #expect(json.parameters.isEmpty && json.body == .structure(members))
    }

    @Test func jsonNamesTheOperationInTheTarget() throws {
        let request = try request(.json(version: "1.1", targetPrefix: "Logs_20140328"), AWSOperation("DescribeLogGroups"),
                                  OperationInput(body: .structure([.init("limit", .number("50"))])))
        #expect(request.headers.first(name: "X-Amz-Target") == "Logs_20140328.DescribeLogGroups")
        #expect(request.headers.first(name: "Content-Type") == "application/x-amz-json-1.1")
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"limit":50}"#)
        let empty = try self.request(.json(version: "1.0", targetPrefix: "DynamoDB_20120810"), AWSOperation("ListTables"), OperationInput())
        #expect(String(decoding: empty.body, as: UTF8.self) == "{}")
    }

    @Test func restBindsPathQueryAndHeaders() throws {
        let request = try request(.restJSON, AWSOperation("GetObject", method: .GET, path: "/{Bucket}/{Key+}"), OperationInput(
            parameters: [.init("versionId", "v 1")], pathLabels: ["Bucket": "b", "Key": "dir/a b.html"], headers: [.init("x-amz-sso_bearer_token", "t")]))
        #expect(request.method == .GET && request.path == "/b/dir/a%20b.html" && request.query == "versionId=v%201")
        #expect(request.headers.first(name: "x-amz-sso_bearer_token") == "t")
        let single = try self.request(.restJSON, AWSOperation("DescribeCluster", method: .GET, path: "/clusters/{name}"), OperationInput(pathLabels: ["name": "a/b"]))
        #expect(single.path == "/clusters/a%2Fb", "a plain label is one segment")
    }

    @Test func restRefusesWhatItCannotSend() {
        #expect(throws: OperationInputError.missingPathLabel(operation: "DescribeCluster", label: "name")) {
            try request(.restJSON, AWSOperation("DescribeCluster", method: .GET, path: "/clusters/{name}"), OperationInput())
        }
        #expect(throws: OperationInputError.badPathTemplate(operation: "X")) {
            try request(.restJSON, AWSOperation("X", method: .GET, path: "/a/{name"), OperationInput(pathLabels: ["name": "x"]))
        }
        #expect(throws: OperationInputError.xmlBodyNotSupported(operation: "CreateHostedZone")) {
            try request(.restXML, AWSOperation("CreateHostedZone", method: .POST, path: "/2013-04-01/hostedzone"), OperationInput(body: .structure([])))
        }
    }

    /// The query protocol's output is inside `<OpResult>`; EC2's is the root; an answer that is not XML is a typed error.
    @Test func outputsOfEachProtocol() throws {
        let query = HTTPResponse(status: 200, body: Array("<GetCallerIdentityResponse><GetCallerIdentityResult><Account>1</Account></GetCallerIdentityResult></GetCallerIdentityResponse>".utf8))
        #expect(try WireProtocol.query(apiVersion: "2011-06-15").output(of: query, operation: "GetCallerIdentity")["Account"] == .string("1"))
        let broken = HTTPResponse(status: 200, body: Array("<Unclosed>".utf8))
        #expect(throws: AWSResponseError.self) { try WireProtocol.ec2(apiVersion: "x").output(of: broken, operation: "DescribeInstances") }
        #expect(try WireProtocol.restJSON.output(of: HTTPResponse(status: 200), operation: "X") == .structure([]))
    }

    @Test func paginatorsStopOnTheirOwnSignals() {
        let paginator = Paginator(inputToken: "Marker", outputToken: "Marker", moreResults: "IsTruncated", resultKeys: ["Users"])
        let more = AWSValue.structure([.init("IsTruncated", .string("true")), .init("Marker", .string("m2"))])
        #expect(paginator.nextToken(after: more, previous: .string("m1")) == .string("m2"))
        #expect(paginator.nextToken(after: more, previous: .string("m2")) == nil, "a repeated token would page forever")
        let done = AWSValue.structure([.init("IsTruncated", .string("false")), .init("Marker", .string("m3"))])
        #expect(paginator.nextToken(after: done, previous: nil) == nil)
        let tokenOnly = Paginator(inputToken: "NextToken", outputToken: "NextToken", resultKeys: ["X"])
        #expect(tokenOnly.nextToken(after: .structure([.init("NextToken", .string(""))]), previous: nil) == nil)
    }

    /// Firehose pages from the last name of the page: the token path is the list itself.
    @Test func aListsLastItemCanBeTheToken() {
        let firehose = Paginator(
            inputToken: "ExclusiveStartDeliveryStreamName", outputToken: "DeliveryStreamNames[]", moreResults: "HasMoreDeliveryStreams",
            resultKeys: ["DeliveryStreamNames"])
        let page = AWSValue.structure([
            .init("DeliveryStreamNames", .list([.string("a"), .string("b")])), .init("HasMoreDeliveryStreams", .bool(true)),
        ])
        #expect(firehose.nextToken(after: page, previous: nil) == .string("b"))
        let last = AWSValue.structure([.init("DeliveryStreamNames", .list([.string("c")])), .init("HasMoreDeliveryStreams", .bool(false))])
        #expect(firehose.nextToken(after: last, previous: .string("b")) == nil)
    }

    /// Tokens go where the protocol carries members; a REST-JSON call with a body (RAM) takes them there.
    @Test func tokensGoWhereTheCallCarriesItsMembers() {
        let token = AWSValue.string("t2")
        let ram = OperationInput(body: .structure([.init("resourceOwner", .string("SELF"))])).setting("nextToken", to: token, in: .restJSON)
        #expect(ram.body == .structure([.init("resourceOwner", .string("SELF")), .init("nextToken", token)]))
        #expect(ram.parameters.isEmpty)
        let eks = OperationInput().setting("nextToken", to: token, in: .restJSON)
        #expect(eks.parameters == [.init("nextToken", "t2")] && eks.body == nil)
        let json = OperationInput().setting("NextToken", to: token, in: .json(version: "1.1", targetPrefix: "X"))
        #expect(json.body == .structure([.init("NextToken", token)]))
        let again = OperationInput(parameters: [.init("Marker", "m1")]).setting("Marker", to: .string("m2"), in: .query(apiVersion: "x"))
        #expect(again.parameters == [.init("Marker", "m2")])
    }

    @Test func globalServicesResolveToTheirPartitionsEndpoint() throws {
        let resolver = EndpointResolver(environment: [:])
        #expect(try resolver.resolve(.iam, region: "ap-northeast-2") == (AWSEndpoint(scheme: "https", host: "iam.amazonaws.com", isCustom: false), "us-east-1"))
        #expect(try resolver.resolve(.iam, region: "cn-north-1").endpoint.host == "iam.cn-north-1.amazonaws.com.cn")
        #expect(try resolver.resolve(.route53, region: "us-gov-west-1").endpoint.host == "route53.us-gov.amazonaws.com")
        #expect(try resolver.resolve(.costExplorer, region: "eu-west-1") == (AWSEndpoint(scheme: "https", host: "ce.us-east-1.amazonaws.com", isCustom: false), "us-east-1"))
        #expect(try resolver.resolve(.sts, region: "ap-northeast-2").endpoint.host == "sts.ap-northeast-2.amazonaws.com")
        #expect(try EndpointResolver(environment: ["AWS_STS_REGIONAL_ENDPOINTS": "legacy"]).resolve(.sts, region: "ap-northeast-2").endpoint.host == "sts.amazonaws.com")
        let custom = try EndpointResolver(environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000"]).resolve(.iam, region: "ap-northeast-2")
        #expect(custom.endpoint.isCustom && custom.signingRegion == "us-east-1")
        #expect(AWSPartition.of(region: "cn-northwest-1").name == "aws-cn" && AWSPartition.of(region: "us-gov-east-1").name == "aws-us-gov")
    }
}
