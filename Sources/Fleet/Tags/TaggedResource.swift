/// A resource with its tags, as EC2 or the Resource Groups Tagging API listed it.
public struct TaggedResource: Sendable, Equatable {
    /// An instance or volume id for EC2 (what CreateTags takes), an ARN for the others (what TagResources takes).
    public let id: String
    /// `instance`, `volume`, or the Tagging API's `service:type` (`rds:db`).
    public let type: String
    public let account: String
    public let region: String
    /// In the order AWS listed them.
    public let tags: [Tag]

    public init(id: String, type: String, account: String, region: String, tags: [Tag]) {
        self.id = id
        self.type = type
        self.account = account
        self.region = region
        self.tags = tags
    }

    public struct Tag: Sendable, Equatable, Hashable {
        public let key: String
        public let value: String

        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    public var isEC2: Bool { type == "instance" || type == "volume" }

    public func value(of key: String) -> String? {
        tags.first { $0.key == key }?.value
    }

    /// Tags a user wrote: AWS's own (`aws:…`) do not count against the limit of 50.
    public var userTagCount: Int { tags.filter { !$0.key.lowercased().hasPrefix("aws:") }.count }
}
