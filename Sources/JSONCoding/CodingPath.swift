/// Where a value sits, as a linked list from the leaf up: containers extend their parent's path
/// in O(1), and the `[CodingKey]` array Codable wants is only built when someone asks (errors,
/// `codingPath`), not on every nested value.
indirect enum CodingPath {
    case root
    case key(any CodingKey, CodingPath)
    case index(Int, CodingPath)

    func appending(_ key: any CodingKey) -> CodingPath { .key(key, self) }
    func appending(index: Int) -> CodingPath { .index(index, self) }

    var keys: [any CodingKey] {
        var reversed: [any CodingKey] = []
        var node = self
        while true {
            switch node {
            case .root:
                return reversed.reversed()
            case .key(let key, let parent):
                reversed.append(key)
                node = parent
            case .index(let index, let parent):
                reversed.append(JSONCodingKey(index: index))
                node = parent
            }
        }
    }

    func keys(appending key: any CodingKey) -> [any CodingKey] {
        keys + [key]
    }
}

/// The keys the coder makes up itself. Array positions read "Index 3" like Foundation's, so that
/// error messages and logs look the same whichever coder produced them.
struct JSONCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
    }

    init(index: Int) {
        self.stringValue = "Index \(index)"
        self.intValue = index
    }

    /// The key `superEncoder()` and `superDecoder()` use, as in every Foundation coder.
    static let `super` = JSONCodingKey(stringValue: "super")
}
