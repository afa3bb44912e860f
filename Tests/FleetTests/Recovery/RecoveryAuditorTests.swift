import Testing

@testable import Fleet

@Suite struct RecoveryAuditorTests {
    static let recover = "arn:aws:automate:ap-northeast-2:ec2:recover"
    static let topic = "arn:aws:sns:ap-northeast-2:123456789012:oncall"

    static func fleet() -> FakeFleetAPI {
        FakeFleetAPI(
            instances: [
                FakeFleetAPI.instance("i-recover", name: "argos-prd-gw-01"),
                FakeFleetAPI.instance("i-sns", name: "argos-prd-mob-01"),
                FakeFleetAPI.instance("i-plain", name: "argos-prd-sol-01"),
                FakeFleetAPI.instance("i-optout", name: "argos-prd-infra-01", autoRecovery: "disabled"),
                FakeFleetAPI.instance("i-default", name: "argos-prd-infra-02", autoRecovery: "default"),
                FakeFleetAPI.instance("i-i3", name: "argos-prd-db-01", type: "i3.large"),
                FakeFleetAPI.instance("i-eks", name: "argos-prd-eks-node-01", tags: [("eks:cluster-name", "argos-prd-eks")]),
                FakeFleetAPI.instance("i-kube", name: "node", tags: [("kubernetes.io/cluster/argos", "owned")]),
                FakeFleetAPI.instance("i-asg", name: "batch", tags: [("aws:autoscaling:groupName", "batch-asg")]),
                FakeFleetAPI.instance("i-karpenter", name: "k", tags: [("karpenter.sh/nodepool", "default")]),
                FakeFleetAPI.instance("i-eks-recover", name: "argos-prd-eks-node-02", tags: [("eks:nodegroup-name", "ng")]),
            ],
            alarms: [
                FakeFleetAPI.alarm("recover-i-recover", instance: "i-recover", actions: [recover]),
                FakeFleetAPI.alarm("sns-i-sns", instance: "i-sns", actions: [topic]),
                FakeFleetAPI.alarm("recover-i-eks-recover", instance: "i-eks-recover", actions: [recover]),
                FakeFleetAPI.alarm("recover-i-gone", instance: "i-gone", actions: [recover]),
                // The same metric on another dimension set, and another metric: neither watches an instance.
                MetricAlarm(
                    name: "asg-status", namespace: "AWS/EC2", metricName: "StatusCheckFailed_System",
                    dimensions: [MetricAlarm.Dimension("AutoScalingGroupName", "batch-asg")], statistic: "Maximum", period: 60,
                    evaluationPeriods: 1, threshold: "1", comparisonOperator: "GreaterThanOrEqualToThreshold", alarmActions: [topic]),
                MetricAlarm(
                    name: "cpu-i-plain", namespace: "AWS/EC2", metricName: "CPUUtilization", dimensions: [MetricAlarm.Dimension("InstanceId", "i-plain")],
                    statistic: "Average", period: 300, evaluationPeriods: 1, threshold: "90", comparisonOperator: "GreaterThanThreshold",
                    alarmActions: [recover]),
            ],
            support: ["m5.large": true, "i3.large": false])
    }

    @Test func oneStatusPerInstanceAndTheOrphans() async {
        let result = await RecoveryCollector(auditor: RecoveryAuditor()).collect([Self.fleet()])
        let statuses = Dictionary(uniqueKeysWithValues: result.entries.map { ($0.instance.id, $0.status) })
        #expect(statuses == [
            "i-recover": .recoverAlarm, "i-sns": .alarmWithoutRecover, "i-plain": .simplified, "i-optout": .disabled,
            "i-default": .simplified, "i-i3": .unsupportedType, "i-eks": .excluded, "i-kube": .excluded, "i-asg": .excluded,
            "i-karpenter": .excluded, "i-eks-recover": .recoverAlarm,
        ])
        #expect(result.orphans.map(\.alarm.name) == ["recover-i-gone"])
        #expect(RecoveryReport.summaryLine(result)
            == "11 instances: 2 recover-alarm, 4 excluded, 1 unsupported-type, 1 disabled, 1 alarm-without-recover, 2 simplified; 1 orphan alarm")
    }

    @Test func theRecoverActionIsTheRegionsAndPartitions() {
        #expect(RecoveryAlarmSpec.recoverAction(region: "cn-north-1") == "arn:aws-cn:automate:cn-north-1:ec2:recover")
        #expect(RecoveryAlarmSpec.recoverAction(region: "us-gov-west-1") == "arn:aws-us-gov:automate:us-gov-west-1:ec2:recover")
        let alarm = FakeFleetAPI.alarm("x", instance: "i-1", actions: ["arn:aws:automate:us-east-1:ec2:recover"])
        #expect(!alarm.recovers(in: "ap-northeast-2"), "another region's recover action does not recover here")
    }

    @Test func exclusionsByTagFromTheCommandLine() throws {
        let exclusions = try RecoveryExclusions(parsing: ["opsdaily:skip", "env=sandbox"])
        #expect(exclusions.reason(for: FakeFleetAPI.instance("i-1", name: "a", tags: [("opsdaily:skip", "")])) != nil)
        #expect(exclusions.reason(for: FakeFleetAPI.instance("i-1", name: "a", tags: [("env", "sandbox")])) != nil)
        #expect(exclusions.reason(for: FakeFleetAPI.instance("i-1", name: "a", tags: [("env", "prd")])) == nil)
        #expect(throws: RecoveryExclusionError.self) { try RecoveryExclusions(parsing: ["=x"]) }
        #expect(throws: RecoveryExclusionError.self) { try RecoveryExclusions(parsing: [String(repeating: "k", count: 128)]) }
    }
}
