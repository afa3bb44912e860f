import JSONCoding
import AWSCore
import HTTPCore

/// Turns a webhook body into an `Alert` without ever refusing a parseable one (SPEC §5: Datadog never
/// retries a 4xx, so a refused alert is a lost alert). Only a body that is not JSON at all is an error.
public struct AlertParser: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notJSON(String)
        public var description: String {
            switch self {
            case .notJSON(let reason): return "the body is not JSON: \(reason)"
            }
        }
    }

    public var retentionDays: Int
    /// Local calendar day (`YYYY-MM-DD`) of an instant in the configured zone.
    public var localDay: @Sendable (Int64) -> String

    /// DynamoDB's item limit is 400 KB; the copies of long fields are cut so the whole item stays below this.
    static let itemBudget = 350_000
    /// Event times outside [2000, 2100) are not believable for a monitor notification.
    static let plausibleMilliseconds: ClosedRange<Int64> = 946_684_800_000...4_102_444_799_999

    public init(retentionDays: Int, localDay: @escaping @Sendable (Int64) -> String) {
        self.retentionDays = retentionDays
        self.localDay = localDay
    }

    public func parse(body: [UInt8], receivedAt: Int64) throws(Failure) -> Alert {
        var flags: [AlertFlag] = []
        let fields: [String: JSONField]
        if let object = try? JSONDecoding().decode([String: JSONField].self, from: body) {
            fields = object
        } else {
            // Not an object: still stored (flagged) when it is any other JSON value.
            do {
                _ = try JSONDecoding().decode(JSONField.self, from: body)
            } catch {
                throw .notJSON(Self.describe(error))
            }
            fields = [:]
            flags.append(.notAnObject)
        }
        func value(_ field: WebhookField) -> String? {
            guard let text = fields[field.rawValue]?.text.map({ String($0.trimmedWhitespace) }), !text.isEmpty,
                text != field.placeholder
            else {
                return nil
            }
            return text
        }

        let eventID: String
        if let id = value(.id), id.utf8.count <= 256 {
            eventID = id
        } else {
            eventID = "sha256-" + SHA256.hash(body).hex
            flags.append(.missingID)
        }

        let eventTime: Int64
        switch Self.epochMilliseconds(value(.date)) {
        case .valid(let milliseconds):
            eventTime = milliseconds
        case .seconds(let milliseconds):
            eventTime = milliseconds
            flags.append(.dateInSeconds)
        case .missing:
            eventTime = receivedAt
            flags.append(.missingDate)
        case .invalid:
            eventTime = receivedAt
            flags.append(.invalidDate)
        }
        let lastUpdated: Int64? = switch Self.epochMilliseconds(value(.lastUpdated)) {
        case .valid(let milliseconds), .seconds(let milliseconds): milliseconds
        case .missing, .invalid: nil
        }

        let eventTitle = value(.eventTitle)
        let transitionRaw: String?
        if let raw = value(.transition) {
            transitionRaw = raw
        } else if let inferred = eventTitle.flatMap(Self.bracketedPrefix) {
            transitionRaw = inferred
            flags.append(.transitionInferred)
        } else {
            transitionRaw = nil
        }
        let transition = AlertTransition(raw: transitionRaw ?? "")
        if case .other = transition { flags.append(.unknownTransition) }

        let priorityRaw = value(.priority)
        let priority = priorityRaw.flatMap(Self.priority)
        if priorityRaw != nil && priority == nil { flags.append(.unknownPriority) }

        let title = value(.alertTitle)
        let isTest = [title, eventTitle].contains { $0?.uppercased().containsText("[TEST]") == true }
        if isTest { flags.append(.test) }

        var alert = Alert(
            pk: AlertKeys.partitionKey(eventID: eventID),
            sk: AlertKeys.sortKey,
            day: localDay(eventTime),
            at: AlertKeys.at(eventTime: eventTime, eventID: eventID),
            eventID: eventID,
            monitorID: value(.monitorID),
            cycleKey: value(.cycleKey),
            aggregationKey: value(.aggregationKey),
            transition: transition.name,
            transitionRaw: transitionRaw,
            alertType: value(.alertType),
            priority: priority,
            priorityRaw: priorityRaw,
            title: title,
            eventTitle: eventTitle,
            status: value(.alertStatus),
            scope: value(.scope),
            metric: value(.metric),
            query: value(.query),
            eventType: value(.eventType),
            eventTime: eventTime,
            lastUpdated: lastUpdated,
            hostname: value(.hostname),
            tags: Self.tags(value(.tags)),
            link: value(.link),
            orgID: value(.orgID),
            orgName: value(.orgName),
            message: value(.textOnlyMessage),
            receivedAt: receivedAt,
            rawBody: String(decoding: body, as: UTF8.self),
            flags: [],
            isTest: isTest,
            expiresAt: Retention(days: retentionDays).expiresAt(epochMilliseconds: eventTime)
        )
        if Self.fitIntoItemBudget(&alert) { flags.append(.truncated) }
        alert.flags = flags.map(\.rawValue)
        return alert
    }

    // MARK: Field rules

    enum EpochReading { case valid(Int64), seconds(Int64), missing, invalid }

    /// `$DATE` is epoch milliseconds as a string; a 10-digit value is taken as seconds (flagged).
    static func epochMilliseconds(_ text: String?) -> EpochReading {
        guard let text else { return .missing }
        guard let number = Int64(text) else { return .invalid }
        if plausibleMilliseconds.contains(number) { return .valid(number) }
        let (scaled, overflow) = number.multipliedReportingOverflow(by: 1000)
        if !overflow && plausibleMilliseconds.contains(scaled) { return .seconds(scaled) }
        return .invalid
    }

    /// `P1`…`P5` (or a bare digit); anything else is kept raw and flagged.
    static func priority(_ text: String) -> Int? {
        let digits = text.uppercased().hasPrefix("P") ? text.dropFirst() : Substring(text)
        guard let value = Int(digits), (1...5).contains(value) else { return nil }
        return value
    }

    /// `$TAGS` is comma-separated, with or without spaces.
    static func tags(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(separator: ",").compactMap { $0.trimmedWhitespace.isEmpty ? nil : String($0.trimmedWhitespace) }
    }

    /// `[Recovered] [P2][DB] …` → `Recovered`.
    static func bracketedPrefix(_ title: String) -> String? {
        guard title.hasPrefix("["), let close = title.firstIndex(of: "]") else { return nil }
        let inside = title[title.index(after: title.startIndex)..<close]
        guard !inside.isEmpty, !inside.hasPrefix("P"), inside.count <= 20 else { return nil }
        return String(inside)
    }

    /// Shortens the parsed copies of the longest fields until the item fits; returns whether it had to.
    static func fitIntoItemBudget(_ alert: inout Alert) -> Bool {
        let fixed = (alert.rawBody?.utf8.count ?? 0) + 2_000
        var copies: [WritableKeyPath<Alert, String?>] = [\.message, \.query, \.title, \.eventTitle, \.status, \.scope]
        var total = fixed + copies.reduce(0) { $0 + (alert[keyPath: $1]?.utf8.count ?? 0) }
            + alert.tags.reduce(0) { $0 + $1.utf8.count + 8 }
        guard total > itemBudget else { return false }
        copies.sort { (alert[keyPath: $0]?.utf8.count ?? 0) > (alert[keyPath: $1]?.utf8.count ?? 0) }
        for path in copies where total > itemBudget {
            guard let text = alert[keyPath: path] else { continue }
            let keep = max(0, text.utf8.count - (total - itemBudget))
            let shortened = String(decoding: text.utf8.prefix(keep), as: UTF8.self)
            alert[keyPath: path] = shortened
            total -= text.utf8.count - shortened.utf8.count
        }
        if total > itemBudget { alert.tags = Array(alert.tags.prefix(50)) }
        return true
    }

    /// Decoding errors name positions, never the body's contents, so logging them leaks nothing.
    private static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "unreadable" }
        switch decoding {
        case .dataCorrupted(let context): return context.debugDescription
        default: return "unreadable"
        }
    }
}
