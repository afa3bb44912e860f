/// Current rules of common zones as POSIX TZ strings, for images without tzdata (Lambda's provided.al2023
/// is not guaranteed to ship `/usr/share/zoneinfo`). The strings are those of the tzdata 2024–2025 TZif
/// footers, i.e. the rules in force since: Seoul 1988, New York 2007, London 1996, Sydney 2008, Kolkata
/// 1945, São Paulo 2019, Mexico City 2022. Earlier history needs tzdata.
enum BuiltInZones {
    static func posixRule(for identifier: String) -> String? {
        table[identifier] ?? etcGMT(identifier)
    }

    /// Every name the table answers, for documentation and tests.
    static var identifiers: [String] {
        table.keys.sorted() + (-14...12).map { $0 == 0 ? "Etc/GMT" : "Etc/GMT\($0 > 0 ? "+" : "")\($0)" }
    }

    private static let table: [String: String] = {
        var rules: [String: String] = [:]
        let groups: [(String, [String])] = [
            ("UTC0", ["UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT", "Universal", "Zulu"]),
            ("GMT0", ["GMT", "Etc/GMT", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "Etc/Greenwich", "GMT0", "Greenwich"]),
            ("KST-9", ["Asia/Seoul", "ROK"]),
            ("JST-9", ["Asia/Tokyo", "Japan"]),
            ("CST-8", ["Asia/Shanghai", "Asia/Chongqing", "Asia/Taipei", "PRC", "ROC"]),
            ("HKT-8", ["Asia/Hong_Kong"]),
            ("<+08>-8", ["Asia/Singapore", "Asia/Kuala_Lumpur", "Singapore"]),
            ("PST-8", ["Asia/Manila"]),
            ("WIB-7", ["Asia/Jakarta"]),
            ("<+07>-7", ["Asia/Bangkok", "Asia/Ho_Chi_Minh"]),
            ("IST-5:30", ["Asia/Kolkata", "Asia/Calcutta"]),
            ("<+04>-4", ["Asia/Dubai"]),
            ("AEST-10AEDT,M10.1.0,M4.1.0/3", ["Australia/Sydney", "Australia/Melbourne", "Australia/Canberra", "Australia/Hobart"]),
            ("AEST-10", ["Australia/Brisbane"]),
            ("ACST-9:30ACDT,M10.1.0,M4.1.0/3", ["Australia/Adelaide"]),
            ("AWST-8", ["Australia/Perth"]),
            ("NZST-12NZDT,M9.5.0,M4.1.0/3", ["Pacific/Auckland", "NZ"]),
            ("HST10", ["Pacific/Honolulu"]),
            ("GMT0BST,M3.5.0/1,M10.5.0", ["Europe/London", "GB"]),
            ("IST-1GMT0,M10.5.0,M3.5.0/1", ["Europe/Dublin"]),
            ("WET0WEST,M3.5.0/1,M10.5.0", ["Europe/Lisbon"]),
            ("CET-1CEST,M3.5.0,M10.5.0/3", [
                "Europe/Paris", "Europe/Berlin", "Europe/Amsterdam", "Europe/Brussels", "Europe/Madrid",
                "Europe/Rome", "Europe/Vienna", "Europe/Zurich", "Europe/Stockholm", "Europe/Oslo",
                "Europe/Copenhagen", "Europe/Warsaw", "Europe/Prague", "Europe/Budapest",
            ]),
            ("EET-2EEST,M3.5.0/3,M10.5.0/4", ["Europe/Helsinki", "Europe/Athens", "Europe/Kyiv", "Europe/Bucharest"]),
            ("MSK-3", ["Europe/Moscow"]),
            ("<+03>-3", ["Europe/Istanbul"]),
            ("EST5EDT,M3.2.0,M11.1.0", ["America/New_York", "America/Toronto", "America/Detroit", "US/Eastern"]),
            ("CST6CDT,M3.2.0,M11.1.0", ["America/Chicago", "America/Winnipeg", "US/Central"]),
            ("MST7MDT,M3.2.0,M11.1.0", ["America/Denver", "America/Edmonton", "US/Mountain"]),
            ("MST7", ["America/Phoenix"]),
            ("PST8PDT,M3.2.0,M11.1.0", ["America/Los_Angeles", "America/Vancouver", "US/Pacific"]),
            ("AKST9AKDT,M3.2.0,M11.1.0", ["America/Anchorage"]),
            ("CST6", ["America/Mexico_City"]),
            ("<-03>3", ["America/Sao_Paulo", "America/Argentina/Buenos_Aires"]),
            ("<-05>5", ["America/Bogota", "America/Lima"]),
        ]
        for (rule, names) in groups {
            for name in names { rules[name] = rule }
        }
        return rules
    }()

    /// `Etc/GMT-9` is UTC+9: the Etc names use the POSIX sign, which is why they are spelled out here.
    private static func etcGMT(_ identifier: String) -> String? {
        guard identifier.hasPrefix("Etc/GMT") else { return nil }
        let rest = identifier.dropFirst("Etc/GMT".count)
        guard let sign = rest.first, sign == "+" || sign == "-",
              (2...3).contains(rest.count), rest.dropFirst().allSatisfy(\.isASCII),
              let hours = Int(rest.dropFirst()), String(hours) == String(rest.dropFirst())
        else { return nil }
        let west = sign == "+" ? hours : -hours
        guard (-14...12).contains(west), west != 0 else { return nil }
        let east = -west
        let name = (east > 0 ? "+" : "-") + DecimalText.padded(abs(east), width: 2)
        return "<\(name)>\(west)"
    }
}
