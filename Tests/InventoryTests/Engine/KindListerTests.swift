import AWSCore
import HTTPCore
import Testing
@testable import Inventory

/// The engine interprets catalogue entries: every page, describe calls, batches, expansions, failures kept apart.
@Suite struct KindListerTests {
    static func kind(_ id: String) -> ResourceKind { Catalogue.kinds.first { $0.id == id }! }

    static func list(_ id: String, pageSize: Int? = nil, _ route: @escaping @Sendable (ScriptedCall) -> HTTPResponse) async throws
        -> (KindLister.Outcome, [ScriptedCall], Int)
    {
        let (account, transport) = ScriptedAccount.make(route)
        let context = ScriptedAccount.context(account, pageSize: pageSize)
        let outcome = try await KindLister(kind: kind(id), context: context).list()
        return (outcome, transport.requests.map(ScriptedCall.init), context.counter.value)
    }

    static func column(_ id: String, _ header: String, of outcome: KindLister.Outcome) -> [String] {
        let index = kind(id).columns.firstIndex { $0.header == header }!
        return outcome.rows.map { $0.cells[index].text }
    }

    /// One row per rule and peer, both directions; a group without rules still has its row.
    @Test func securityGroupsBecomeOneRowPerRuleAndPeer() async throws {
        let (outcome, _, calls) = try await Self.list("security-group-rules") { _ in
            ScriptedAccount.xml("""
                <DescribeSecurityGroupsResponse><securityGroupInfo>
                <item><groupId>sg-1</groupId><groupName>web</groupName><vpcId>vpc-1</vpcId>
                <ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort>
                <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp><description>public</description></item><item><cidrIp>10.0.0.0/8</cidrIp></item></ipRanges>
                <ipv6Ranges><item><cidrIpv6>::/0</cidrIpv6></item></ipv6Ranges>
                <groups><item><groupId>sg-2</groupId><userId>123456789012</userId></item></groups></item></ipPermissions>
                <ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges></item></ipPermissionsEgress>
                </item>
                <item><groupId>sg-3</groupId><groupName>empty</groupName><ipPermissions/><ipPermissionsEgress/></item>
                </securityGroupInfo></DescribeSecurityGroupsResponse>
                """)
        }
        #expect(calls == 1)
        #expect(Self.column("security-group-rules", "Group ID", of: outcome) == ["sg-1", "sg-1", "sg-1", "sg-1", "sg-1", "sg-3"])
        #expect(Self.column("security-group-rules", "Direction", of: outcome) == ["Inbound", "Inbound", "Inbound", "Inbound", "Outbound", "no rules"])
        #expect(Self.column("security-group-rules", "Peer", of: outcome) == ["0.0.0.0/0", "10.0.0.0/8", "::/0", "sg-2", "0.0.0.0/0", ""])
        #expect(Self.column("security-group-rules", "Peer type", of: outcome) == ["IPv4", "IPv4", "IPv6", "Security group", "IPv4", ""])
        #expect(Self.column("security-group-rules", "Ports", of: outcome) == ["443", "443", "443", "443", "All", "All"])
        #expect(Self.column("security-group-rules", "Protocol", of: outcome) == ["tcp", "tcp", "tcp", "tcp", "All", ""])
        #expect(Self.column("security-group-rules", "Rule description", of: outcome) == ["public", "", "", "", "", ""])
    }

    /// Every page, the token passed back; one DescribeTable per table; counts from it, never a Scan.
    @Test func tablesArePagedThenDescribed() async throws {
        let (outcome, calls, count) = try await Self.list("dynamodb-tables", pageSize: 2) { call in
            switch call.operation {
            case "ListTables" where call.body.contains("\"ExclusiveStartTableName\":\"b\""):
                return ScriptedAccount.json(#"{"TableNames":["c"]}"#)
            case "ListTables":
                return ScriptedAccount.json(#"{"TableNames":["a","b"],"LastEvaluatedTableName":"b"}"#)
            case "DescribeTable":
                let name = call.body.contains("\"a\"") ? "a" : call.body.contains("\"b\"") ? "b" : "c"
                return ScriptedAccount.json(#"{"Table":{"TableName":"\#(name)","ItemCount":12,"TableSizeBytes":3400,"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]}}"#)
            default:
                return ScriptedAccount.json(#"{"__type":"UnknownOperationException"}"#, status: 400)
            }
        }
        #expect(Self.column("dynamodb-tables", "Table", of: outcome) == ["a", "b", "c"])
        #expect(Self.column("dynamodb-tables", "Items", of: outcome) == ["12", "12", "12"])
        #expect(Self.column("dynamodb-tables", "Key schema", of: outcome) == ["pk, sk", "pk, sk", "pk, sk"])
        #expect(outcome.rows[0].cells[2] == .number("12"))
        #expect(count == 5)
        #expect(!calls.contains { $0.operation == "Scan" })
        #expect(calls.first { $0.operation == "ListTables" }?.body.contains(#""Limit":2"#) == true)
    }

    /// A describe call that fails keeps the listed item and is counted by error code; the kind still succeeds.
    @Test func aFailedDescribeKeepsTheItemAndIsCounted() async throws {
        let (outcome, _, _) = try await Self.list("kms-keys") { call in
            switch call.operation {
            case "ListKeys":
                return ScriptedAccount.json(#"{"Keys":[{"KeyId":"k1","KeyArn":"arn:k1"},{"KeyId":"k2","KeyArn":"arn:k2"}],"Truncated":false}"#)
            case "DescribeKey" where call.body.contains("k2"):
                return ScriptedAccount.json(#"{"__type":"AccessDeniedException","message":"no"}"#, status: 400)
            default:
                return ScriptedAccount.json(#"{"KeyMetadata":{"KeyId":"k1","KeyManager":"CUSTOMER","KeyState":"Enabled","Arn":"arn:k1"}}"#)
            }
        }
        #expect(Self.column("kms-keys", "Key ID", of: outcome) == ["k1", "k2"])
        #expect(Self.column("kms-keys", "Manager", of: outcome) == ["CUSTOMER", ""])
        #expect(Self.column("kms-keys", "ARN", of: outcome) == ["arn:k1", "arn:k2"])
        #expect(outcome.detailFailures == ["AccessDeniedException": 1])
    }

    /// Batch describes send up to 100 identifiers a call and their answers are the rows.
    @Test func batchDescribesSendAHundredAtATime() async throws {
        let arns = (1...150).map { "arn:aws:ecs:ap-northeast-2:123456789012:cluster/c\($0)" }
        let (outcome, calls, _) = try await Self.list("ecs-clusters") { call in
            switch call.operation {
            case "ListClusters":
                let quoted = arns.map { "\"\($0)\"" }.joined(separator: ",")
                return ScriptedAccount.json(#"{"clusterArns":[\#(quoted)]}"#)
            default:
                let requested = arns.filter { call.body.contains("\"\($0)\"") }
                let clusters = requested.map { #"{"clusterArn":"\#($0)","clusterName":"\#($0.split(separator: "/").last!)","status":"ACTIVE"}"# }
                return ScriptedAccount.json(#"{"clusters":[\#(clusters.joined(separator: ","))],"failures":[]}"#)
            }
        }
        #expect(outcome.rows.count == 150)
        #expect(calls.filter { $0.operation == "DescribeClusters" }.count == 2)
        #expect(Self.column("ecs-clusters", "Cluster", of: outcome).prefix(2) == ["c1", "c2"])
    }

    /// A list call that fails fails the kind: the collector turns it into a coverage state.
    @Test func aFailedListThrows() async throws {
        await #expect(throws: AWSServiceError.self) {
            _ = try await Self.list("ec2-instances") { _ in
                ScriptedAccount.xml("<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>no</Message></Error></Errors></Response>")
                    .withStatus(403)
            }
        }
    }
}

extension HTTPResponse {
    func withStatus(_ status: Int) -> HTTPResponse {
        var copy = self
        copy.status = status
        return copy
    }
}
