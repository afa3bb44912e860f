/// An audit as its readers get it, whatever the format: a title, summary lines with the totals, and
/// tables whose rows are grouped (by owner, by status). The tag and recovery audits build one; one writer per
/// format renders any of them, so the formats never disagree.
public struct FleetReport: Sendable, Equatable {
    public let title: String
    /// `60 instances: 34 recover-alarm, 22 excluded, …`: what the run found, first thing in every format.
    public let summary: [String]
    public let tables: [Table]

    public init(title: String, summary: [String], tables: [Table]) {
        self.title = title
        self.summary = summary
        self.tables = tables
    }

    public struct Table: Sendable, Equatable {
        /// Also the sheet's and the CSV file's name.
        public let name: String
        public let columns: [Column]
        /// The column whose value groups the rows (kept in first-seen order); nil: one group.
        public let groupColumn: Int?
        public let rows: [[String]]

        public init(name: String, columns: [Column], groupColumn: Int? = nil, rows: [[String]]) {
            precondition(rows.allSatisfy { $0.count == columns.count }, "every row has a value per column")
            self.name = name
            self.columns = columns
            self.groupColumn = groupColumn
            self.rows = rows
        }

        /// The rows by group, groups in first-seen order.
        public var groups: [(name: String, rows: [[String]])] {
            guard let groupColumn else { return [("", rows)] }
            var order: [String] = []
            var byName: [String: [[String]]] = [:]
            for row in rows {
                if byName[row[groupColumn]] == nil { order.append(row[groupColumn]) }
                byName[row[groupColumn], default: []].append(row)
            }
            return order.map { ($0, byName[$0]!) }
        }
    }

    public struct Column: Sendable, Equatable {
        public let title: String
        /// Characters, for the sheet's column width.
        public let width: Int

        public init(_ title: String, width: Int = 16) {
            self.title = title
            self.width = width
        }
    }

    /// Values with how often they occur, most frequent first, then by name.
    public static func counts(_ values: [String]) -> [(String, Int)] {
        var counted: [String: Int] = [:]
        for value in values { counted[value, default: 0] += 1 }
        return counted.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
