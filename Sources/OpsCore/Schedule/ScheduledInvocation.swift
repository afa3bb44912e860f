import JSONCoding
import CivilTime

/// The event that starts `daily-check` or `notification`, in any of the three shapes of SPEC §6. It carries
/// the *scheduled* time (or a slot named by hand), from which `checkSlot(in:)` finds the slot; the clock
/// is never consulted, so a delayed or retried run keeps its slot.
public enum ScheduledInvocation: Sendable, Hashable {
    /// `{"detail-type": "Scheduled Event", "time": "2026-11-25T00:00:00Z", …}`: an EventBridge rule.
    case eventBridgeRule(scheduledAt: Instant)
    /// `{"scheduled_time": "2026-11-25T00:00:00Z"}`: our EventBridge Scheduler input.
    case scheduler(scheduledAt: Instant)
    /// `{"slot": "2026-11-25T09:00"}`: a manual run, in the configured zone's local time.
    case manual(slot: LocalDateTime)

    /// Schedules send a few hundred bytes; anything past this is refused before parsing.
    public static let maximumEventSize = 64 * 1024

    /// Decodes an event. Unknown extra fields are ignored; anything that is not one of the shapes (not
    /// JSON, wrong types, `null`, huge values) is a `ScheduledInvocationError`, never a crash.
    public init(json bytes: [UInt8]) throws(ScheduledInvocationError) {
        guard bytes.count <= Self.maximumEventSize else { throw .tooLarge(bytes: bytes.count) }
        let fields: EventFields
        do {
            fields = try JSONDecoding().decode(EventFields.self, from: bytes)
        } catch let error as ScheduledInvocationError {
            throw error
        } catch {
            throw .notJSON
        }
        self = try fields.invocation()
    }

    /// The instant the scheduler meant, or nil for a manual run.
    public var scheduledInstant: Instant? {
        switch self {
        case .eventBridgeRule(let instant), .scheduler(let instant): return instant
        case .manual: return nil
        }
    }

    /// The check slot this invocation is for: the latest slot at or before the scheduled instant (see
    /// `CheckSlots.slot(forScheduled:)`), or exactly the slot named by a manual run.
    public func checkSlot(in slots: CheckSlots) throws(ScheduledInvocationError) -> CheckSlot {
        switch self {
        case .eventBridgeRule(let instant), .scheduler(let instant):
            return slots.slot(forScheduled: instant)
        case .manual(let local):
            guard let slot = slots.slot(at: local) else {
                throw .slotNotConfigured(slot: local.description, configured: slots.times.map(\.hourMinute).joined(separator: ", "))
            }
            return slot
        }
    }
}

/// The top-level fields the shapes use, read leniently: a field may be absent, a string, or something
/// else, and only `invocation()` decides what that means. Decoding never fails on a field's type.
private struct EventFields: Decodable {
    enum Field: Equatable {
        case absent
        case string(String)
        case other(String)
    }

    struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    static let names = (detailType: "detail-type", time: "time", scheduledTime: "scheduled_time", slot: "slot")

    let detailType: Field
    let time: Field
    let scheduledTime: Field
    let slot: Field
    let keys: [String]

    init(from decoder: any Decoder) throws {
        let container: KeyedDecodingContainer<Key>
        do {
            container = try decoder.container(keyedBy: Key.self)
        } catch {
            throw ScheduledInvocationError.notAnObject
        }
        func field(_ name: String) -> Field {
            let key = Key(stringValue: name)
            guard container.contains(key) else { return .absent }
            if let text = try? container.decode(String.self, forKey: key) { return .string(text) }
            return .other((try? container.decodeNil(forKey: key)) == true ? "null" : "not a string")
        }
        detailType = field(Self.names.detailType)
        time = field(Self.names.time)
        scheduledTime = field(Self.names.scheduledTime)
        slot = field(Self.names.slot)
        keys = container.allKeys.map(\.stringValue).sorted().prefix(8).map { TimeParseError.quotable($0, limit: 32) }
    }

    func invocation() throws(ScheduledInvocationError) -> ScheduledInvocation {
        let present = [
            (Self.names.detailType, detailType), (Self.names.scheduledTime, scheduledTime), (Self.names.slot, slot),
        ].filter { $0.1 != .absent }.map(\.0)
        guard present.count <= 1 else { throw .ambiguous(keys: present) }
        if slot != .absent {
            let text = try string(slot, Self.names.slot, expected: "a local slot YYYY-MM-DDTHH:MM")
            do {
                return .manual(slot: try LocalDateTime(parsing: text))
            } catch {
                throw .invalidField(name: Self.names.slot, value: quoted(text), expected: error.expected)
            }
        }
        if scheduledTime != .absent {
            return .scheduler(scheduledAt: try instant(scheduledTime, Self.names.scheduledTime))
        }
        if detailType != .absent {
            let kind = try string(detailType, Self.names.detailType, expected: "\"Scheduled Event\"")
            guard kind == "Scheduled Event" else {
                throw .invalidField(name: Self.names.detailType, value: quoted(kind), expected: "\"Scheduled Event\"")
            }
            return .eventBridgeRule(scheduledAt: try instant(time, Self.names.time))
        }
        throw .unrecognised(keys: keys)
    }

    private func instant(_ field: Field, _ name: String) throws(ScheduledInvocationError) -> Instant {
        let text = try string(field, name, expected: "a UTC instant such as 2026-11-25T00:00:00Z")
        do {
            return try Instant(iso8601: text)
        } catch {
            throw .invalidField(name: name, value: quoted(text), expected: error.expected)
        }
    }

    private func string(_ field: Field, _ name: String, expected: String) throws(ScheduledInvocationError) -> String {
        switch field {
        case .string(let text): return text
        case .absent: throw .invalidField(name: name, value: "missing", expected: expected)
        case .other(let what): throw .invalidField(name: name, value: what, expected: expected)
        }
    }

    private func quoted(_ text: String) -> String { "\"" + TimeParseError.quotable(text) + "\"" }
}

extension ScheduledInvocation {
    var isManual: Bool {
        if case .manual = self { return true }
        return false
    }
}
