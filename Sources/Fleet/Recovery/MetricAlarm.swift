/// A CloudWatch metric alarm with every setting PutMetricAlarm takes: adding an action rewrites the whole
/// alarm, so what the owner set is sent back unchanged.
public struct MetricAlarm: Sendable, Equatable {
    public var name: String
    public var description: String?
    public var namespace: String
    public var metricName: String
    public var dimensions: [Dimension]
    public var statistic: String?
    public var extendedStatistic: String?
    public var period: Int
    public var evaluationPeriods: Int
    public var datapointsToAlarm: Int?
    /// As written by CloudWatch (`1.0`): never rounded through a float.
    public var threshold: String
    public var comparisonOperator: String
    public var treatMissingData: String?
    public var unit: String?
    public var actionsEnabled: Bool
    public var alarmActions: [String]
    public var okActions: [String]
    public var insufficientDataActions: [String]

    public struct Dimension: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(
        name: String, description: String? = nil, namespace: String, metricName: String, dimensions: [Dimension],
        statistic: String?, extendedStatistic: String? = nil, period: Int, evaluationPeriods: Int, datapointsToAlarm: Int? = nil,
        threshold: String, comparisonOperator: String, treatMissingData: String? = nil, unit: String? = nil, actionsEnabled: Bool = true,
        alarmActions: [String] = [], okActions: [String] = [], insufficientDataActions: [String] = []
    ) {
        self.name = name
        self.description = description
        self.namespace = namespace
        self.metricName = metricName
        self.dimensions = dimensions
        self.statistic = statistic
        self.extendedStatistic = extendedStatistic
        self.period = period
        self.evaluationPeriods = evaluationPeriods
        self.datapointsToAlarm = datapointsToAlarm
        self.threshold = threshold
        self.comparisonOperator = comparisonOperator
        self.treatMissingData = treatMissingData
        self.unit = unit
        self.actionsEnabled = actionsEnabled
        self.alarmActions = alarmActions
        self.okActions = okActions
        self.insufficientDataActions = insufficientDataActions
    }

    /// The instance a system status check alarm watches: AWS/EC2 `StatusCheckFailed_System` on exactly the
    /// `InstanceId` dimension. Checking the metric name alone was the 2023 bug.
    public var watchedInstance: String? {
        guard namespace == "AWS/EC2", metricName == "StatusCheckFailed_System", dimensions.count == 1, dimensions[0].name == "InstanceId"
        else { return nil }
        return dimensions[0].value
    }

    public func recovers(in region: String) -> Bool {
        alarmActions.contains(RecoveryAlarmSpec.recoverAction(region: region))
    }
}
