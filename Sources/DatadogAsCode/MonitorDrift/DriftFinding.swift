/// One way the live organisation differs from the catalogue.
public struct DriftFinding: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        /// In the catalogue, not in Datadog: deleted in the UI, or never applied.
        case missing
        /// The team's monitor that no catalogue entry manages: made in the UI.
        case unmanaged
        /// Managed, but edited in the UI since the last apply.
        case changed
        /// Managed, but its message does not notify the collection webhook: its alerts never reach the digest.
        case notNotifying = "not-notifying"

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// A field as the catalogue makes it and as Datadog holds it, both as text.
    public struct Difference: Sendable, Equatable {
        public var field: String
        public var catalogue: String
        public var datadog: String

        public init(field: String, catalogue: String, datadog: String) {
            self.field = field
            self.catalogue = catalogue
            self.datadog = datadog
        }
    }

    public var kind: Kind
    /// The catalogue key (the `monitor:` label); nil for an unmanaged monitor without one.
    public var key: String?
    /// The Datadog id; nil when missing.
    public var id: Int64?
    public var name: String
    public var differences: [Difference]
    public var detail: String

    public init(kind: Kind, key: String?, id: Int64?, name: String, differences: [Difference] = [], detail: String = "") {
        self.kind = kind
        self.key = key
        self.id = id
        self.name = name
        self.differences = differences
        self.detail = detail
    }
}
