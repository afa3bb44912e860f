import AWSCore

/// A metric alarm as DescribeAlarms answers it and as PutMetricAlarm takes it (botocore's `monitoring` model).
extension MetricAlarm {
    /// nil for what is not a single-metric alarm (metric math alarms have `Metrics` and no `MetricName`).
    init?(describing item: AWSValue) {
        guard let name = item["AlarmName"]?.text, let metricName = item["MetricName"]?.text, let namespace = item["Namespace"]?.text else {
            return nil
        }
        func texts(_ path: AWSValuePath) -> [String] { item.values(at: path).compactMap(\.text) }
        self.init(
            name: name, description: item["AlarmDescription"]?.text, namespace: namespace, metricName: metricName,
            dimensions: item.values(at: "Dimensions[]").compactMap { dimension in
                guard let key = dimension["Name"]?.text else { return nil }
                return Dimension(key, dimension["Value"]?.text ?? "")
            },
            statistic: item["Statistic"]?.text, extendedStatistic: item["ExtendedStatistic"]?.text,
            period: item["Period"]?.text.flatMap { Int($0) } ?? 60, evaluationPeriods: item["EvaluationPeriods"]?.text.flatMap { Int($0) } ?? 1,
            datapointsToAlarm: item["DatapointsToAlarm"]?.text.flatMap { Int($0) }, threshold: item["Threshold"]?.text ?? "0",
            comparisonOperator: item["ComparisonOperator"]?.text ?? "GreaterThanOrEqualToThreshold",
            treatMissingData: item["TreatMissingData"]?.text, unit: item["Unit"]?.text,
            actionsEnabled: item["ActionsEnabled"]?.text != "false", alarmActions: texts("AlarmActions[]"), okActions: texts("OKActions[]"),
            insufficientDataActions: texts("InsufficientDataActions[]"))
    }

    /// Every setting, so rewriting an alarm keeps what its owner chose. Empty action lists are sent empty:
    /// PutMetricAlarm replaces the alarm whole.
    var putMembers: [AWSValue.Member] {
        var members: [AWSValue.Member] = [
            AWSValue.Member("AlarmName", .string(name)), AWSValue.Member("Namespace", .string(namespace)),
            AWSValue.Member("MetricName", .string(metricName)),
            AWSValue.Member("Dimensions", .list(dimensions.map {
                .structure([AWSValue.Member("Name", .string($0.name)), AWSValue.Member("Value", .string($0.value))])
            })),
            AWSValue.Member("Period", .number(String(period))), AWSValue.Member("EvaluationPeriods", .number(String(evaluationPeriods))),
            AWSValue.Member("Threshold", .number(threshold)), AWSValue.Member("ComparisonOperator", .string(comparisonOperator)),
            AWSValue.Member("ActionsEnabled", .bool(actionsEnabled)),
            AWSValue.Member("AlarmActions", .list(alarmActions.map(AWSValue.string))),
            AWSValue.Member("OKActions", .list(okActions.map(AWSValue.string))),
            AWSValue.Member("InsufficientDataActions", .list(insufficientDataActions.map(AWSValue.string))),
        ]
        let optional: [(String, AWSValue?)] = [
            ("AlarmDescription", description.map(AWSValue.string)), ("Statistic", statistic.map(AWSValue.string)),
            ("ExtendedStatistic", extendedStatistic.map(AWSValue.string)),
            ("DatapointsToAlarm", datapointsToAlarm.map { .number(String($0)) }), ("TreatMissingData", treatMissingData.map(AWSValue.string)),
            ("Unit", unit.map(AWSValue.string)),
        ]
        members += optional.compactMap { name, value in value.map { AWSValue.Member(name, $0) } }
        return members
    }
}
