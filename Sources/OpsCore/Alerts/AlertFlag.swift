/// Why a stored alert is not a clean copy of a complete payload. Stored with the alert so nothing is
/// silently patched.
public enum AlertFlag: String, Sendable, CaseIterable {
    /// `$ID` missing: the event id is the SHA-256 of the body.
    case missingID = "missing_id"
    /// `$DATE` missing or not a plausible epoch: the event time is the receive time.
    case missingDate = "missing_date"
    case invalidDate = "invalid_date"
    /// `$DATE` looked like epoch seconds rather than milliseconds and was scaled.
    case dateInSeconds = "date_in_seconds"
    /// The body is JSON but not an object.
    case notAnObject = "not_an_object"
    /// `$ALERT_TRANSITION` missing: taken from the `[Transition]` prefix of the event title.
    case transitionInferred = "transition_inferred"
    case unknownTransition = "unknown_transition"
    case unknownPriority = "unknown_priority"
    /// A `[TEST]` notification.
    case test
    /// Copies of long fields were shortened to fit DynamoDB's item limit (the raw body is always whole).
    case truncated
}
