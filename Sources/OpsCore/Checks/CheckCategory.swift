/// The tower a monitor belongs to, shown as a badge. Names follow `[P<n>][<Tower>] title`; monitors without
/// that prefix are placed by their tags.
public enum CheckCategory: String, Sendable, Hashable, CaseIterable {
    case database = "DB"
    case container = "Container/EKS"
    case system = "System/EC2"
    case network = "Network"
    case csp = "CSP"
    case other = "Other"

    public init(name: String, tags: [String]) {
        if let tower = Self.tower(inName: name), let category = Self.category(forWord: tower) {
            self = category
            return
        }
        for tag in tags {
            let value = tag.split(separator: ":", maxSplits: 1).last.map(String.init) ?? tag
            let words = value.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).map(String.init)
            if let category = words.lazy.compactMap(Self.category(forWord:)).first {
                self = category
                return
            }
        }
        self = .other
    }

    /// `System` in `[P2][System] EC2 CPU high`.
    static func tower(inName name: String) -> Substring? {
        guard name.hasPrefix("[P"), let firstClose = name.firstIndex(of: "]") else { return nil }
        let rest = name[name.index(after: firstClose)...]
        guard rest.hasPrefix("["), let close = rest.firstIndex(of: "]") else { return nil }
        return rest[rest.index(after: rest.startIndex)..<close]
    }

    private static func category(forWord word: some StringProtocol) -> CheckCategory? {
        switch word.lowercased() {
        case "db", "rds", "mysql", "mariadb", "aurora", "aurora-mysql", "postgres", "postgresql", "dynamodb", "redis", "elasticache":
            .database
        case "container", "eks", "kubernetes", "k8s", "pod", "pods", "ecs":
            .container
        case "system", "ec2", "host", "ebs":
            .system
        case "network", "dx", "directconnect", "tgw", "transitgateway", "vpc", "vpn", "alb", "elb", "nlb":
            .network
        case "csp", "sqs", "sns", "msk", "kafka", "s3", "lambda":
            .csp
        default:
            nil
        }
    }
}
