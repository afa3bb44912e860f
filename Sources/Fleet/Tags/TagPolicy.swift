/// A tag standard as data (SPEC §13.2): which keys a resource must carry and what their values may be,
/// what is filled in where a required key is missing, which tags are derived from others, what is in
/// scope, and the key the audit groups resources by. Read from the operator's policy file.
public struct TagPolicy: Sendable, Equatable {
    public var scope: Scope
    /// In the file's order: the audit and the plan list keys as the standard does.
    public var keys: [KeyRule]
    /// Applies to every key without a pattern or allowed values of its own.
    public var valuePattern: ValuePattern?
    /// A value written where a required key is missing.
    public var fill: [String: String]
    public var derived: [DerivedTag]
    /// The tag whose value groups the audit (`cz-owner`); resources without it are "(none)".
    public var groupBy: String?
    /// Instances `autorecovery` leaves alone besides Auto Scaling, EKS and Karpenter nodes (`autorecovery.exclude`).
    public var recoveryExclusions = RecoveryExclusions()

    public init(
        scope: Scope, keys: [KeyRule], valuePattern: ValuePattern? = nil, fill: [String: String] = [:], derived: [DerivedTag] = [],
        groupBy: String? = nil
    ) {
        self.scope = scope
        self.keys = keys
        self.valuePattern = valuePattern
        self.fill = fill
        self.derived = derived
        self.groupBy = groupBy
    }

    public struct Scope: Sendable, Equatable {
        /// `instance`, `volume`: listed with EC2's own calls, which see never-tagged resources.
        public var ec2: [EC2ResourceType]
        /// `rds:db`, `s3:bucket`: the Resource Groups Tagging API's resource types (it lists tagged ones only).
        public var taggingAPI: [String]

        public init(ec2: [EC2ResourceType], taggingAPI: [String] = []) {
            self.ec2 = ec2
            self.taggingAPI = taggingAPI
        }
    }

    public enum EC2ResourceType: String, Sendable, Equatable, CaseIterable {
        case instance
        case volume
    }

    public struct KeyRule: Sendable, Equatable {
        public var key: String
        public var required: Bool
        /// Allowed values; empty: any value the pattern accepts.
        public var values: [String]
        public var pattern: ValuePattern?

        public init(key: String, required: Bool = false, values: [String] = [], pattern: ValuePattern? = nil) {
            self.key = key
            self.required = required
            self.values = values
            self.pattern = pattern
        }
    }

    /// A tag whose value follows from another's: `EC2Type` from the words of `Name`, first rule that matches.
    public struct DerivedTag: Sendable, Equatable {
        public var key: String
        public var from: String
        /// Characters that split the source value into tokens (`argos-prd-sol-01` → argos, prd, sol, 01).
        public var separators: Set<Character>
        public var rules: [TokenRule]
        public var scope: [EC2ResourceType]

        public init(key: String, from: String, separators: Set<Character>, rules: [TokenRule], scope: [EC2ResourceType]) {
            self.key = key
            self.from = from
            self.separators = separators
            self.rules = rules
            self.scope = scope
        }

        /// The value for a source value: the first rule one of whose tokens is a whole token of it, ignoring case.
        /// `admin-console` has the token `console`, not `sol`: substring matching was the 2023 bug.
        public func value(for source: String) -> String? {
            let tokens = Set(source.lowercased().split { separators.contains($0) }.map(String.init))
            return rules.first { rule in rule.tokens.contains { tokens.contains($0.lowercased()) } }?.value
        }
    }

    public struct TokenRule: Sendable, Equatable {
        public var tokens: [String]
        public var value: String

        public init(tokens: [String], value: String) {
            self.tokens = tokens
            self.value = value
        }
    }
}

/// A value pattern, kept with its text for reports and compiled once.
public struct ValuePattern: Sendable, Equatable {
    public let text: String
    private let regex: RegexBox

    public init(_ text: String) throws {
        self.text = text
        regex = RegexBox(try Regex(text))
    }

    public func matches(_ value: String) -> Bool {
        (try? regex.regex.wholeMatch(in: value)) != nil
    }

    public static func == (lhs: ValuePattern, rhs: ValuePattern) -> Bool { lhs.text == rhs.text }
}

/// `Regex<AnyRegexOutput>` is not `Sendable`; compiled once and only read, it is shared safely.
private final class RegexBox: @unchecked Sendable {
    let regex: Regex<AnyRegexOutput>

    init(_ regex: Regex<AnyRegexOutput>) {
        self.regex = regex
    }
}
