import CivilTime

/// The result of checking one monitor: what the run record, the report and the Slack message show.
public struct MonitorCheck: Sendable, Equatable {
    /// Datadog's numeric id as text (the check table's sort key).
    public var monitorID: String
    public var name: String
    public var priority: Int?
    public var checkClass: CheckClass
    /// Non-OK groups of a non-OK multi-alert monitor, oldest first.
    public var failingGroups: [FailingGroup]
    public var query: String
    public var tags: [String]
    /// The `monitor:` tag's value, or the id when the monitor has none.
    public var label: String
    public var category: CheckCategory
    public var stateModified: Instant?
    /// The monitor as Datadog returned it, one line of UTF-8 JSON; `{}` when it could not be read.
    public var monitorJSON: String
    /// Why an `Error` check could not be evaluated.
    public var errorDetail: String?
    /// Set when the monitor's current state could not be read.
    public var readFailure: ReadFailure?

    public init(
        monitorID: String, name: String, priority: Int?, checkClass: CheckClass, failingGroups: [FailingGroup] = [],
        query: String = "", tags: [String] = [], label: String, category: CheckCategory, stateModified: Instant? = nil,
        monitorJSON: String = "{}", errorDetail: String? = nil, readFailure: ReadFailure? = nil
    ) {
        self.monitorID = monitorID
        self.name = name
        self.priority = priority
        self.checkClass = checkClass
        self.failingGroups = failingGroups
        self.query = query
        self.tags = tags
        self.label = label
        self.category = category
        self.stateModified = stateModified
        self.monitorJSON = monitorJSON
        self.errorDetail = errorDetail
        self.readFailure = readFailure
    }

    /// When the current state began: the oldest failing group, else the monitor's own state change.
    public var since: Instant? {
        failingGroups.compactMap(\.since).min() ?? stateModified
    }

    /// Non-OK first, most urgent first, then priority, then label: the order of every list of checks.
    public static func displayOrder(_ lhs: MonitorCheck, _ rhs: MonitorCheck) -> Bool {
        CheckClass.displayOrder((lhs.checkClass.urgency, lhs.priority, lhs.label), (rhs.checkClass.urgency, rhs.priority, rhs.label))
    }
}

extension CheckClass {
    /// Compares (urgency, priority, label); a missing priority sorts after P5.
    static func displayOrder(_ lhs: (urgency: Int, priority: Int?, label: String), _ rhs: (urgency: Int, priority: Int?, label: String)) -> Bool {
        (lhs.urgency, lhs.priority ?? Int.max, lhs.label) < (rhs.urgency, rhs.priority ?? Int.max, rhs.label)
    }
}
