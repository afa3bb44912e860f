import AWSCore

/// The alarm `autorecovery apply` gives an instance (SPEC §13.3): the system status check failing for two
/// minutes in a row recovers the instance onto healthy hardware, and tells the team when a topic is given.
public struct RecoveryAlarmSpec: Sendable, Equatable {
    public let snsTopic: String?

    public init(snsTopic: String?) {
        self.snsTopic = snsTopic
    }

    public static let namePrefix = "opsdaily-recover-"

    /// `arn:<partition>:automate:<region>:ec2:recover`: the action is regional and partitioned like any ARN.
    public static func recoverAction(region: String) -> String {
        "arn:\(AWSPartition.of(region: region).name):automate:\(region):ec2:recover"
    }

    public func alarm(for instance: String, region: String) -> MetricAlarm {
        MetricAlarm(
            name: Self.namePrefix + instance,
            description: "Recovers \(instance) when the EC2 system status check fails (opsdaily autorecovery).",
            namespace: "AWS/EC2", metricName: "StatusCheckFailed_System", dimensions: [MetricAlarm.Dimension("InstanceId", instance)],
            statistic: "Maximum", period: 60, evaluationPeriods: 2, datapointsToAlarm: 2, threshold: "1",
            comparisonOperator: "GreaterThanOrEqualToThreshold", treatMissingData: "missing",
            alarmActions: [Self.recoverAction(region: region)] + (snsTopic.map { [$0] } ?? []))
    }

    /// Whether an alarm of ours still matches the spec; a threshold answered as `1.0` equals `1`.
    public func matches(_ alarm: MetricAlarm, region: String) -> Bool {
        let wanted = self.alarm(for: alarm.watchedInstance ?? "", region: region)
        return alarm.statistic == wanted.statistic && alarm.period == wanted.period && alarm.evaluationPeriods == wanted.evaluationPeriods
            && (alarm.datapointsToAlarm ?? alarm.evaluationPeriods) == wanted.datapointsToAlarm
            && Double(alarm.threshold) == Double(wanted.threshold) && alarm.comparisonOperator == wanted.comparisonOperator
            && (alarm.treatMissingData ?? "missing") == "missing" && alarm.actionsEnabled
            && Set(wanted.alarmActions).isSubset(of: Set(alarm.alarmActions))
    }
}
