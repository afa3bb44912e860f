/// A zone that cannot be used. The functions turn it into an init error naming `OPS_TIMEZONE`.
public enum ZoneError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Neither a tzdata file, nor a built-in zone, nor a fixed offset.
    case unknownZone(String)
    /// Text that cannot be a zone name at all (empty, `..`, control characters, very long).
    case invalidName(String)
    /// Rules given directly (TZif bytes, a POSIX TZ string) that do not parse.
    case invalidRules(identifier: String, reason: String)

    public var description: String {
        switch self {
        case .unknownZone(let name):
            return "unknown time zone \"\(TimeParseError.quotable(name))\": not in the tzdata directory, not one of the "
                + "built-in zones (e.g. Asia/Seoul, Europe/London, America/New_York, Etc/GMT-9), "
                + "and not a fixed offset such as +09:00 or UTC+9"
        case .invalidName(let name):
            return "invalid time zone name \"\(TimeParseError.quotable(name))\": expected an IANA name such as Asia/Seoul "
                + "or a fixed offset such as +09:00"
        case .invalidRules(let identifier, let reason):
            return "invalid rules for time zone \"\(TimeParseError.quotable(identifier))\": \(reason)"
        }
    }
}
