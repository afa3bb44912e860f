import Testing
import XMLTree

/// The response shapes the reader is for, written from the AWS API references: query protocol (STS, IAM),
/// EC2 protocol, REST-XML (Route 53, CloudFront, S3), and each protocol's error body.
@Suite struct AWSResponseTests {
    @Test func stsGetCallerIdentity() throws {
        let response = try XMLDocument.parse(Fixture.bytes("sts-get-caller-identity.xml"))
        #expect(response.name == "GetCallerIdentityResponse")
        #expect(response.attributes.isEmpty)
        let result = try #require(response.child("GetCallerIdentityResult"))
        #expect(result.child("Account")?.text == "123456789012")
        #expect(result.child("Arn")?.text == "arn:aws:iam::123456789012:user/Alice")
        #expect(result.child("UserId")?.text == "AIDACKCEVSQ6C2EXAMPLE")
        #expect(response.path("ResponseMetadata", "RequestId")?.text == "01234567-89ab-cdef-0123-456789abcdef")
    }

    @Test func stsAssumeRole() throws {
        let response = try XMLDocument.parse(Fixture.bytes("sts-assume-role.xml"))
        let credentials = try #require(response.path("AssumeRoleResult", "Credentials"))
        #expect(credentials.children.map(\.name) == ["AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"])
        #expect(credentials.children.allSatisfy { $0.isLeaf })
        #expect(credentials.child("AccessKeyId")?.text == "ASIAIOSFODNN7EXAMPLE")
        #expect(credentials.child("SessionToken")?.text.hasSuffix("CCR/oLxBA==") == true)
        #expect(credentials.child("Expiration")?.text == "2019-11-09T13:34:41Z")
        #expect(response.path("AssumeRoleResult", "AssumedRoleUser", "Arn")?.text == "arn:aws:sts::123456789012:assumed-role/demo/TestAR")
        #expect(response.path("AssumeRoleResult", "PackedPolicySize")?.text == "6")
    }

    @Test func iamListUsersWithMembersAndAMarker() throws {
        let response = try XMLDocument.parse(Fixture.bytes("iam-list-users.xml"))
        let result = try #require(response.child("ListUsersResult"))
        #expect(result.child("IsTruncated")?.text == "true")
        #expect(result.child("Marker")?.text == "AAIAAQAAAAMAAAAEdXNlcgAAAAdhbmRyZXdz")
        let users = result.child("Users")?.children(named: "member") ?? []
        #expect(users.compactMap { $0.child("UserName")?.text } == ["Andrew", "Jackie", "minji.kim"])
        #expect(users[0].child("PasswordLastUsed")?.text == "2014-09-08T21:47:36Z")
        #expect(users[2].child("PasswordLastUsed") == nil)
        let tag = try #require(users[2].child("Tags")?.children(named: "member").first)
        #expect(tag.child("Key")?.text == "team")
        #expect(tag.child("Value")?.text == "운영팀 & on-call")
    }

    @Test func ec2DescribeInstancesWithItemsAndANextToken() throws {
        let response = try XMLDocument.parse(Fixture.bytes("ec2-describe-instances.xml"))
        #expect(response.child("requestId")?.text == "8f7724cf-496f-496e-8fe3-example")
        #expect(response.child("nextToken")?.text == "eyJ2IjoiMiIsImMiOiJjb250aW51ZSIsInMiOjF9")
        let reservations = response.child("reservationSet")?.children(named: "item") ?? []
        #expect(reservations.count == 1)
        #expect(reservations[0].child("groupSet")?.isLeaf == true)
        let instances = reservations[0].child("instancesSet")?.children(named: "item") ?? []
        #expect(instances.compactMap { $0.child("instanceId")?.text } == ["i-1234567890abcdef0", "i-0598c7d356eba48d7"])
        #expect(instances.compactMap { $0.path("instanceState", "name")?.text } == ["running", "stopped"])
        #expect(instances[0].child("reason")?.text == "")
        #expect(instances[0].path("networkInterfaceSet", "item", "association", "publicIp")?.text == "54.194.252.215")
        let tags = instances.map { instance in
            instance.child("tagSet")?.children(named: "item").compactMap { tag -> (String, String)? in
                guard let key = tag.child("key")?.text, let value = tag.child("value")?.text else { return nil }
                return (key, value)
            } ?? []
        }
        #expect(tags[0].map(\.0) == ["Name", "Owner"])
        #expect(tags[0].map(\.1) == ["Server_1 <prod>", "플랫폼팀"])
        #expect(tags[1].map(\.1) == ["batch & <reports>"])
    }

    @Test func route53ListHostedZonesInItsNamespace() throws {
        let response = try XMLDocument.parse(Fixture.bytes("route53-list-hosted-zones.xml"))
        #expect(response.name == "ListHostedZonesResponse")
        let zones = response.child("HostedZones")?.children(named: "HostedZone") ?? []
        #expect(zones.compactMap { $0.child("Id")?.text } == ["/hostedzone/Z111111QQQQQQQ", "/hostedzone/Z222222VVVVVVV"])
        #expect(zones.compactMap { $0.path("Config", "PrivateZone")?.text } == ["false", "true"])
        #expect(zones[1].path("Config", "Comment") == nil)
        #expect(response.child("IsTruncated")?.text == "true")
        #expect(response.child("NextMarker")?.text == "Z333333YYYYYYY")
        #expect(response.child("MaxItems")?.text == "2")
    }

    @Test func queryProtocolErrorResponse() throws {
        let response = try XMLDocument.parse(Fixture.bytes("sts-error-response.xml"))
        #expect(response.name == "ErrorResponse")
        #expect(response.path("Error", "Type")?.text == "Sender")
        #expect(response.path("Error", "Code")?.text == "AccessDenied")
        #expect(response.path("Error", "Message")?.text.hasPrefix("User: arn:aws:iam::123456789012:user/Alice is not authorized") == true)
        #expect(response.child("RequestId")?.text == "4b5e6f7a-0b1c-4d2e-8f90-a1b2c3d4e5f6")
    }

    @Test func ec2ErrorResponse() throws {
        let response = try XMLDocument.parse(Fixture.bytes("ec2-error-response.xml"))
        #expect(response.name == "Response")
        let errors = response.child("Errors")?.children(named: "Error") ?? []
        #expect(errors.count == 1)
        #expect(errors[0].child("Code")?.text == "InvalidInstanceID.NotFound")
        #expect(errors[0].child("Message")?.text == "The instance ID 'i-1a2b3c4d' does not exist")
        #expect(response.child("RequestID")?.text == "ea966190-f9aa-478e-9ede-example")
    }

    @Test func s3ErrorWithAnEscapedKey() throws {
        let error = try XMLDocument.parse(Fixture.bytes("s3-error.xml"))
        #expect(error.name == "Error")
        #expect(error.child("Code")?.text == "NoSuchKey")
        #expect(error.child("Key")?.text == "reports/2026-11-25/check&run.html")
        #expect(error.child("RequestId")?.text == "4442587FB7D0A2F9")
    }

    @Test func cloudFrontErrorResponse() throws {
        let response = try XMLDocument.parse(Fixture.bytes("cloudfront-error-response.xml"))
        #expect(response.path("Error", "Code")?.text == "NoSuchDistribution")
        #expect(response.path("Error", "Message")?.text == "The specified distribution does not exist.")
    }
}
