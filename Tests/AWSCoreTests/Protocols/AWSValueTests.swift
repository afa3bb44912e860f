@testable import AWSCore
import Foundation
import CivilTime
import JSONCoding
import Testing
import XMLTree

/// One path language over JSON and XML answers alike.
@Suite struct AWSValueTests {
    static let ec2XML = """
        <DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><reservationSet>
        <item><instancesSet><item><instanceId>i-1</instanceId><tagSet><item><key>Name</key><value>gw-01</value></item></tagSet></item>
        <item><instanceId>i-2</instanceId><tagSet/></item></instancesSet></item>
        <item><instancesSet><item><instanceId>i-3</instanceId></item></instancesSet></item></reservationSet><nextToken>t2</nextToken>
        </DescribeInstancesResponse>
        """

    static func xml(_ text: String) throws -> AWSValue { AWSValue(xml: try XMLDocument.parse(text)) }

    @Test func xmlWrappedListsReadByPath() throws {
        let value = try Self.xml(Self.ec2XML)
        #expect(value.values(at: "reservationSet[].instancesSet[].instanceId").compactMap(\.text) == ["i-1", "i-2", "i-3"])
        #expect(value.values(at: "reservationSet[].instancesSet[].tagSet[].value").compactMap(\.text) == ["gw-01"])
        #expect(value.values(at: "nextToken").first?.text == "t2")
        #expect(value.values(at: "missing.deeper[]").isEmpty)
    }

    @Test func jsonReadsTheSameWay() throws {
        let value = try AWSValue(json: Array(#"{"Reservations": [{"Instances": [{"InstanceId": "i-1", "Size": 12345678901234567890.25}]}], "Empty": null}"#.utf8))
        #expect(value.values(at: "Reservations[].Instances[].InstanceId").compactMap(\.text) == ["i-1"])
        #expect(value.values(at: "Reservations[].Instances[].Size").first == .number("12345678901234567890.25"), "no float rounding")
        #expect(value.values(at: "Empty[]").isEmpty)
        #expect(try AWSValue(json: Array("  ".utf8)) == .structure([]))
    }

    /// S3 writes `<Contents>` once per object, with no wrapper: `Contents[]` reaches every one, and one alone.
    @Test func flattenedXMLLists() throws {
        let many = try Self.xml("<ListBucketResult><Contents><Key>a</Key><Size>1</Size></Contents><Contents><Key>b</Key><Size>2</Size></Contents></ListBucketResult>")
        #expect(many.values(at: "Contents[].Key").compactMap(\.text) == ["a", "b"])
        let one = try Self.xml("<ListBucketResult><Contents><Key>a</Key><Size>1</Size></Contents></ListBucketResult>")
        #expect(one.values(at: "Contents[].Key").compactMap(\.text) == ["a"])
        let route53 = try Self.xml("<R><HostedZones><HostedZone><Id>/z/1</Id><Name>a.</Name></HostedZone></HostedZones></R>")
        #expect(route53.values(at: "HostedZones[].Id").compactMap(\.text) == ["/z/1"])
    }

    @Test(arguments: ["", ".", "a..b", "a[", "a]b", "a b", "[]x"])
    func malformedPathsAreErrors(path: String) {
        #expect(throws: AWSValuePathError.self) { try AWSValuePath(parsing: path) }
    }

    @Test func pathsPrintAsWritten() throws {
        for text in ["a", "a.b", "a[].b[]", "Reservations[].Instances[].Tags[].Key", "a[][]"] {
            #expect(try AWSValuePath(parsing: text).description == text)
        }
    }

    /// JSON numbers stay the text they were: a 20-digit id or a long decimal must not be rounded through `Double`.
    @Test func jsonNumbersKeepTheirDigitsBothWays() throws {
        let text = #"{"Count":12345678901234567890123,"Ratio":0.10000000000000000001,"Small":-2}"#
        let value = try AWSValue(json: Array(text.utf8))
        #expect(value == .structure([
            .init("Count", .number("12345678901234567890123")), .init("Ratio", .number("0.10000000000000000001")), .init("Small", .number("-2")),
        ]))
        #expect(String(decoding: try JSONEncoding().encode(value), as: UTF8.self) == text)
        let java = try AWSValue(json: Array(#"{"createdAt":1.602010811E9,"size":3.0,"ratio":2.50E-1}"#.utf8))
        #expect(java["createdAt"] == .number("1602010811") && java["size"] == .number("3") && java["ratio"] == .number("0.25"))
        #expect(try AWSValueDecoder().decode([String: Int64].self, from: .structure([.init("createdAt", java["createdAt"]!)])) == ["createdAt": 1_602_010_811])
    }

    struct Identity: Decodable, Equatable {
        var Account: String
        var Count: Int
        var Enabled: Bool
        var Expires: AWSTimestamp
        var Tags: [String]
        var Missing: String?
    }

    /// Typed answers read from XML (every scalar is text there) and JSON alike, timestamps as ISO 8601 or epoch seconds.
    @Test func decodesTypesFromXMLAndJSON() throws {
        let xml = try Self.xml("""
            <R><Account>123456789012</Account><Count> 42 </Count><Enabled>true</Enabled><Expires>2026-11-25T09:00:00Z</Expires>\
            <Tags><member>a</member><member>b</member></Tags></R>
            """)
        let expected = Identity(Account: "123456789012", Count: 42, Enabled: true, Expires: AWSTimestamp(Instant(epochSeconds: 1_795_597_200)), Tags: ["a", "b"])
        #expect(try AWSValueDecoder().decode(Identity.self, from: xml) == expected)
        let json = try AWSValue(json: Array(#"{"Account": "123456789012", "Count": 42, "Enabled": true, "Expires": 1795597200, "Tags": ["a", "b"]}"#.utf8))
        #expect(try AWSValueDecoder().decode(Identity.self, from: json) == expected)
        let fractional = try AWSValue(json: Array(#"{"Expires": 1795597200.2509, "Text": "1795597200.5", "Spaced": " 2026-11-25T09:00:00Z\n"}"#.utf8))
        let times = try AWSValueDecoder().decode([String: AWSTimestamp].self, from: fractional).mapValues(\.instant.epochMilliseconds)
        #expect(times == ["Expires": 1_795_597_200_250, "Text": 1_795_597_200_500, "Spaced": 1_795_597_200_000])
        for hostile in [#"{"Expires": 1e300}"#, #"{"Expires": "2026-13-01T00:00:00Z"}"#, #"{"Expires": true}"#] {
            let value = try AWSValue(json: Array(hostile.utf8))
            #expect(throws: DecodingError.self) { try AWSValueDecoder().decode([String: AWSTimestamp].self, from: value) }
        }
        let bad = try Self.xml("<R><Account>1</Account><Count>many</Count><Enabled>yes</Enabled><Expires>soon</Expires><Tags/></R>")
        #expect(throws: DecodingError.self) { try AWSValueDecoder().decode(Identity.self, from: bad) }
    }
}
