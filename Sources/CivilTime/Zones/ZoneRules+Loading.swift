import HostSystem

/// Where zone rules come from, in order: a TZif file from tzdata, the built-in table of current rules, a
/// fixed offset. tzdata wins because it knows history and tracks rule changes; the table keeps the
/// functions working on an image without tzdata.
extension ZoneRules {
    /// Every zone name the built-in table answers: what a function can use on an image without tzdata.
    public static var builtInIdentifiers: [String] { BuiltInZones.identifiers }

    /// The directories searched for TZif files: `$TZDIR` first when set, then `/usr/share/zoneinfo`.
    public static func tzdataDirectories(environment: [String: String]) -> [String] {
        var directories: [String] = []
        if let custom = environment["TZDIR"], !custom.isEmpty { directories.append(custom) }
        directories.append("/usr/share/zoneinfo")
        return directories
    }

    /// The zone for a configured name such as `Asia/Seoul`, `Etc/GMT-9`, `+09:00` or `UTC+9`.
    public static func named(
        _ identifier: String,
        environment: [String: String] = ProcessEnvironment.read()
    ) throws(ZoneError) -> ZoneRules {
        try named(identifier, tzdataDirectories: tzdataDirectories(environment: environment))
    }

    /// As `named(_:environment:)` with explicit directories (empty: skip tzdata, as on a bare image).
    public static func named(_ identifier: String, tzdataDirectories: [String]) throws(ZoneError) -> ZoneRules {
        guard isPlausibleName(identifier) else { throw .invalidName(identifier) }
        if isSafeRelativePath(identifier) {
            for directory in tzdataDirectories {
                let path = directory + "/" + identifier
                // A FIFO or `/dev/zero` placed at the path must not hang or exhaust the function at init.
                if let bytes = try? SmallFile.read(path, limit: TZifParser.maximumSize), let zone = try? ZoneRules(tzif: bytes, identifier: identifier, path: path) {
                    return zone
                }
            }
        }
        if let zone = builtIn(identifier) { return zone }
        if let offset = fixedOffset(identifier) { return .fixed(offset) }
        throw .unknownZone(identifier)
    }

    /// The zone from the built-in table only (current rules), or nil for a name the table lacks.
    public static func builtIn(_ identifier: String) -> ZoneRules? {
        guard let rule = BuiltInZones.posixRule(for: identifier), let zone = POSIXTimeZone(parsing: rule) else { return nil }
        return ZoneRules(identifier: identifier, source: .builtIn(posixTZ: rule), rules: .posix(zone))
    }

    /// A zone from the bytes of a TZif file.
    public init(tzif bytes: [UInt8], identifier: String, path: String = "<memory>") throws(ZoneError) {
        do {
            let table = try TZifParser.parse(bytes)
            self.init(identifier: identifier, source: .tzif(path: path), rules: .table(table))
        } catch {
            guard case .malformed(let reason) = error else { throw .invalidRules(identifier: identifier, reason: "\(error)") }
            throw .invalidRules(identifier: identifier, reason: "not a usable TZif file: \(reason)")
        }
    }

    /// A zone from a POSIX TZ string such as `EST5EDT,M3.2.0,M11.1.0` (offsets count west, as POSIX says).
    public init(posixTZ rule: String, identifier: String) throws(ZoneError) {
        guard let zone = POSIXTimeZone(parsing: rule) else {
            throw .invalidRules(identifier: identifier, reason: "\"\(TimeParseError.quotable(rule))\" is not a POSIX TZ string")
        }
        self.init(identifier: identifier, source: .builtIn(posixTZ: rule), rules: .posix(zone))
    }

    /// `+09:00`, `-03:30`, `+0900`, `+09`, `UTC+9`, `UTC+09:00`, `UTC-3`: east of Greenwich is positive,
    /// the everyday reading. (POSIX-style `GMT+9`, which means UTC−9, is refused as too easy to misread;
    /// `Etc/GMT-9` is in the built-in table with its tzdata meaning.)
    static func fixedOffset(_ text: String) -> UTCOffset? {
        var rest = Substring(text)
        if rest.hasPrefix("UTC") {
            rest = rest.dropFirst(3)
            // `UTC+9`: one or two hour digits, optionally `:MM`.
            var scanner = ASCIIScanner(rest)
            let sign: Int
            if scanner.skip(0x2B) { sign = 1 } else if scanner.skip(0x2D) { sign = -1 } else { return nil }
            guard let hours = scanner.digits(min: 1, max: 2) else { return nil }
            var minutes = 0
            if scanner.skip(0x3A) {
                guard let value = scanner.digits(2), value < 60 else { return nil }
                minutes = value
            }
            guard scanner.isAtEnd else { return nil }
            return UTCOffset(seconds: sign * (hours * 3600 + minutes * 60))
        }
        guard rest.first == "+" || rest.first == "-" else { return nil }
        return try? UTCOffset(parsing: rest)
    }

    private static func isPlausibleName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 255
            && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    /// IANA names are relative paths of `[A-Za-z0-9._+-]` components; anything else (`..`, a leading `/`)
    /// must not reach the file system, so a hostile `OPS_TIMEZONE` cannot read arbitrary files.
    private static func isSafeRelativePath(_ name: String) -> Bool {
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        return components.allSatisfy { component in
            !component.isEmpty && component != "." && component != ".."
                && component.utf8.allSatisfy { byte in
                    DecimalText.isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                        || byte == 0x2E || byte == 0x5F || byte == 0x2B || byte == 0x2D
                }
        }
    }
}
