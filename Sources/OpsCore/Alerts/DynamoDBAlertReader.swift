import AWSCore
import CivilTime

/// Reads a time window from the alerts table's `by_day` index: one Query per local day the window touches,
/// keyed by `day` with `at` between the window's bounds, following every page.
public struct DynamoDBAlertReader: AlertSource {
    let client: DynamoDBClient
    let table: String
    /// The zone collection computed `day` in; it must be the same `OPS_TIMEZONE`.
    let zone: ZoneRules

    /// What the digest and the report use (and what decoding requires); the raw body, the message, the
    /// query and the other copies stay in the table, so that a 20,000-alert storm fits a small function.
    static let projection: [String] = ([
        .pk, .sk, .day, .at, .eventID, .monitorID, .cycleKey, .transition, .transitionRaw, .priority, .title, .eventTitle, .scope, .metric,
        .eventTime, .tags, .link, .receivedAt, .flags, .isTest, .expiresAt,
    ] as [Alert.CodingKeys]).map { "#" + $0.stringValue }

    public init(client: DynamoDBClient, table: String, zone: ZoneRules) {
        self.client = client
        self.table = table
        self.zone = zone
    }

    public func forEachAlert(in window: TimeWindow, _ body: (Alert) throws -> Void) async throws {
        let names = Dictionary(uniqueKeysWithValues: Self.projection.map { ($0, String($0.dropFirst())) })
        for day in days(of: window) {
            try await eachPage(dayQuery(day, window: window, projection: Self.projection.joined(separator: ", "), names: names)) { items in
                for item in items { try body(try client.decoder.decode(Alert.self, from: item)) }
            }
        }
    }

    /// The local days from the window's first to its last instant, in order.
    func days(of window: TimeWindow) -> [LocalDate] {
        guard window.end > window.start else { return [] }
        let last = zone.localDate(at: Instant(epochMilliseconds: window.end.epochMilliseconds - 1))
        var days = [zone.localDate(at: window.start)]
        while days[days.count - 1] < last { days.append(days[days.count - 1].next) }
        return days
    }

    private func dayQuery(_ day: LocalDate, window: TimeWindow, projection: String, names: [String: String]) -> DynamoDBQuery {
        let range = AlertKeys.range(from: window.start.epochMilliseconds, to: window.end.epochMilliseconds)
        return DynamoDBQuery(
            tableName: table, indexName: AlertKeys.dayIndex, keyConditionExpression: "#day = :day AND #at BETWEEN :lower AND :upper",
            projectionExpression: projection,
            expressionAttributeNames: names.merging(["#day": "day", "#at": "at"]) { current, _ in current },
            expressionAttributeValues: [":day": .s(day.description), ":lower": .s(range.lower), ":upper": .s(range.upper)])
    }

    /// Pages are decoded one at a time so that a storm's raw items never all sit in memory together.
    private func eachPage(_ query: DynamoDBQuery, _ body: ([[String: AttributeValue]]) throws -> Void) async throws {
        var startKey: [String: AttributeValue]?
        repeat {
            let page = try await client.queryPage(query, exclusiveStartKey: startKey)
            try body(page.items)
            startKey = page.lastEvaluatedKey
        } while startKey != nil
    }
}
