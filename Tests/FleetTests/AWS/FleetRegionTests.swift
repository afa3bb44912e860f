import AWSCore
import HTTPCore
import NIOHTTP1
import TestSupport
import Testing

@testable import Fleet

/// `FleetRegion` reading AWS's answers as they are written (EC2 and CloudWatch XML, the Tagging API's JSON),
/// and what it makes of broken or refused ones.
@Suite struct FleetRegionTests {
    static func region(_ route: @escaping @Sendable (_ action: String, _ form: String) -> HTTPResponse) throws -> (FleetRegion, ScriptedTransport) {
        let transport = ScriptedTransport(fallback: ScriptedTransport.Answer { request in
            let form = String(decoding: request.body, as: UTF8.self)
            let action = request.headers.first(name: "X-Amz-Target").map { String($0.split(separator: ".").last ?? "") }
                ?? form.split(separator: "&").first { $0.hasPrefix("Action=") }.map { String($0.dropFirst(7)) } ?? ""
            return route(action, form)
        })
        let client = AWSClient(
            credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "secret")), transport: transport,
            retryStrategy: StandardRetryStrategy(maxAttempts: 1))
        let api = try FleetRegion(
            account: "123456789012", region: "ap-northeast-2", client: client, environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:9"],
            pageSize: 5)
        return (api, transport)
    }

    static func xml(_ body: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "text/xml")]), body: Array(body.utf8))
    }

    static func instance(_ id: String, state: String, maintenance: String?) -> String {
        let options = maintenance.map { "<maintenanceOptions><autoRecovery>\($0)</autoRecovery></maintenanceOptions>" } ?? ""
        return """
            <item><instanceId>\(id)</instanceId><instanceType>m5.large</instanceType><instanceState><code>16</code><name>\(state)</name></instanceState>
            <tagSet><item><key>Name</key><value>argos-prd-gw-01 &lt;b&gt;</value></item></tagSet>\(options)</item>
            """
    }

    @Test func everyPageOfInstancesWithTheirMaintenanceOptions() async throws {
        let (api, transport) = try Self.region { action, form in
            #expect(action == "DescribeInstances")
            let second = form.contains("NextToken=page2")
            let items = second
                ? Self.instance("i-3", state: "terminated", maintenance: nil) + Self.instance("i-4", state: "stopped", maintenance: "disabled")
                : Self.instance("i-1", state: "running", maintenance: nil) + Self.instance("i-2", state: "pending", maintenance: "default")
            return Self.xml("""
                <DescribeInstancesResponse><reservationSet><item><instancesSet>\(items)</instancesSet></item></reservationSet>
                \(second ? "" : "<nextToken>page2</nextToken>")</DescribeInstancesResponse>
                """)
        }
        let instances = try await api.instances()
        #expect(instances.map(\.id) == ["i-1", "i-2", "i-4"], "a terminated instance the filter let through is still left out")
        #expect(instances.map(\.autoRecovery) == [nil, "default", "disabled"])
        #expect(instances[0].name == "argos-prd-gw-01 <b>")
        let first = String(decoding: transport.requests[0].body, as: UTF8.self)
        #expect(first.contains("Filter.1.Name=instance-state-name&Filter.1.Value.1=pending&Filter.1.Value.2=running"))
        #expect(first.contains("MaxResults=5"))
    }

    @Test func alarmsOfEveryPageAndWhatIsNotASingleMetric() async throws {
        let (api, _) = try Self.region { _, form in
            let second = form.contains("NextToken=t2")
            let alarm = """
                <member><AlarmName>\(second ? "b" : "a")</AlarmName><Namespace>AWS/EC2</Namespace><MetricName>StatusCheckFailed_System</MetricName>
                <Dimensions><member><Name>InstanceId</Name><Value>i-1</Value></member></Dimensions><Statistic>Maximum</Statistic>
                <Period>60</Period><EvaluationPeriods>2</EvaluationPeriods><Threshold>1.0</Threshold>
                <ComparisonOperator>GreaterThanOrEqualToThreshold</ComparisonOperator><ActionsEnabled>true</ActionsEnabled>
                <AlarmActions><member>arn:aws:automate:ap-northeast-2:ec2:recover</member></AlarmActions><OKActions/></member>
                <member><AlarmName>math</AlarmName><Metrics><member><Id>m1</Id></member></Metrics></member>
                """
            return Self.xml("""
                <DescribeAlarmsResponse><DescribeAlarmsResult><MetricAlarms>\(alarm)</MetricAlarms>\(second ? "" : "<NextToken>t2</NextToken>")
                </DescribeAlarmsResult></DescribeAlarmsResponse>
                """)
        }
        let alarms = try await api.metricAlarms()
        #expect(alarms.map(\.name) == ["a", "b"])
        #expect(alarms[0].watchedInstance == "i-1" && alarms[0].recovers(in: "ap-northeast-2") && alarms[0].threshold == "1.0")
    }

    @Test func aRefusalAndABrokenAnswerAreReadProblemsNotACrash() async throws {
        let (api, _) = try Self.region { action, _ in
            action == "DescribeInstances"
                ? Self.xml("<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>no</Message></Error></Errors></Response>", status: 403)
                : Self.xml("<DescribeAlarmsResponse><DescribeAlarmsResult><MetricAlarms><member>", status: 200)
        }
        let denied = await RecoveryCollector(auditor: RecoveryAuditor()).collect([api])
        #expect(denied.problems.map(\.listing) == ["instances"])
        #expect(denied.problems[0].reason == "denied (UnauthorizedOperation)")
        await #expect(throws: (any Error).self) { try await api.metricAlarms() }
    }

    @Test func writesPutEveryMemberOnTheWire() async throws {
        let (api, transport) = try Self.region { action, _ in
            action == "TagResources"
                ? HTTPResponse(status: 200, headers: HTTPHeaders(), body: Array(#"{"FailedResourcesMap":{"arn:x":{"ErrorCode":"InvalidParameterException","ErrorMessage":"bad"}}}"#.utf8))
                : Self.xml("<Response/>")
        }
        try await api.createTags(resources: ["i-1", "vol-1"], tags: [TaggedResource.Tag("cz-stage", "prd"), TaggedResource.Tag("EC2Type", "GW")])
        let failed = try await api.tagResources(arns: ["arn:x", "arn:y"], tags: [TaggedResource.Tag("cz-stage", "prd")])
        try await api.putMetricAlarm(RecoveryAlarmSpec(snsTopic: nil).alarm(for: "i-1", region: "ap-northeast-2"))
        try await api.deleteAlarms(names: ["a b"])
        let bodies = transport.requests.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(bodies[0] == "Action=CreateTags&Version=2016-11-15&ResourceId.1=i-1&ResourceId.2=vol-1&Tag.1.Key=cz-stage&Tag.1.Value=prd&Tag.2.Key=EC2Type&Tag.2.Value=GW")
        #expect(bodies[1].contains(#""ResourceARNList":["arn:x","arn:y"]"#) && bodies[1].contains(#""Tags":{"cz-stage":"prd"}"#))
        #expect(failed == ["arn:x": "InvalidParameterException: bad"])
        #expect(bodies[2].contains("Dimensions.member.1.Name=InstanceId&Dimensions.member.1.Value=i-1"))
        #expect(bodies[2].contains("AlarmActions.member.1=arn%3Aaws%3Aautomate%3Aap-northeast-2%3Aec2%3Arecover"))
        #expect(bodies[2].contains("Statistic=Maximum") && bodies[2].contains("TreatMissingData=missing") && bodies[2].contains("OKActions=&"))
        #expect(bodies[3] == "Action=DeleteAlarms&Version=2010-08-01&AlarmNames.member.1=a+b")
    }
}
