import HTMLDocument
import CivilTime

/// Alerts per local hour of a window by priority (SPEC §8), as stacked bars in inline SVG: no script, no
/// fetched resource, readable by a screen reader through its title.
///
/// Bars are hours of elapsed time from the local hour the window starts in, labelled with the local hour
/// they start at: a spring-forward night has one bar fewer, a fall-back night shows 01 twice (EDT, then EST).
struct AlertChart {
    struct Hour {
        var start: Instant
        var local: LocalDateTime
        var abbreviation: String
        /// By `series` index.
        var counts: [Int]
        var total: Int { counts.reduce(0, +) }
    }

    /// Stacked bottom to top; alerts without a priority last.
    static let series: [Int?] = [1, 2, 3, 4, 5, nil]
    static let hourMilliseconds: Int64 = 3_600_000

    let hours: [Hour]
    let window: TimeWindow
    let zone: ZoneRules

    /// `[TEST]` notifications are left out, as in every count of the digest.
    init(alerts: [Alert], window: TimeWindow, zone: ZoneRules) {
        self.window = window
        self.zone = zone
        let startLocal = zone.localDateTime(at: window.start).time
        let subMinute = window.start.epochMilliseconds - window.start.epochSeconds * 1000
        let first = window.start.epochMilliseconds - subMinute - Int64(startLocal.minute * 60 + startLocal.second) * 1000
        let count = Int((window.end.epochMilliseconds - first + Self.hourMilliseconds - 1) / Self.hourMilliseconds)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: Self.series.count), count: max(0, count))
        for alert in alerts where !alert.isTest && window.contains(Instant(epochMilliseconds: alert.eventTime)) {
            counts[Int((alert.eventTime - first) / Self.hourMilliseconds)][Self.seriesIndex(alert.priority)] += 1
        }
        hours = counts.enumerated().map { index, counts in
            let start = Instant(epochMilliseconds: first + Int64(index) * Self.hourMilliseconds)
            return Hour(start: start, local: zone.localDateTime(at: start), abbreviation: zone.abbreviation(at: start), counts: counts)
        }
    }

    static func seriesIndex(_ priority: Int?) -> Int {
        series.firstIndex(of: priority) ?? series.count - 1
    }

    static func cssClass(_ priority: Int?) -> String { priority.map { "p\($0)" } ?? "pnone" }

    static func name(_ priority: Int?) -> String { priority.map { "P\($0)" } ?? "none" }

    // Drawing units of the viewBox; the page scales the whole picture to its width.
    private static let plotHeight = 160
    private static let left = 36
    private static let top = 12
    private static let bottom = 22
    private static let plotWidth = 720

    func appendSVG(to out: inout String) {
        let slot = max(12, Self.plotWidth / max(1, hours.count))
        let width = Self.left + slot * hours.count + 8
        let height = Self.top + Self.plotHeight + Self.bottom
        let base = Self.top + Self.plotHeight
        let highest = hours.map(\.total).max() ?? 0
        let period = zone.displayTime(window.start) + " – " + zone.displayTime(window.end)

        out += "<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 \(width) \(height)\">\n"
        out += "<title id=\"chart-title\">Alerts per hour by priority, "
        HTMLText.append(period, to: &out)
        out += ": \(hours.reduce(0) { $0 + $1.total }) in all, at most \(highest) in an hour</title>\n"
        // The scale: a line at zero and, when there is one, at the busiest hour, so an empty window still reads.
        appendGridLine(0, y: base, width: width, to: &out)
        if highest > 0 { appendGridLine(highest, y: Self.top, width: width, to: &out) }
        for (index, hour) in hours.enumerated() {
            let x = Self.left + index * slot
            out += "<g class=\"bar\" data-hour=\"\(hour.local.minutePrecision)\" data-total=\"\(hour.total)\">"
            out += "<title>\(hour.local.date) \(hour.local.time.hourMinute) "
            HTMLText.append(hour.abbreviation, to: &out)
            out += ": " + DigestWording.count(hour.total, "alert") + "</title>"
            var stacked = 0
            for (seriesIndex, count) in hour.counts.enumerated() where count > 0 {
                let below = base - stacked * Self.plotHeight / highest
                stacked += count
                let above = base - stacked * Self.plotHeight / highest
                let priority = Self.series[seriesIndex]
                out += "<rect class=\"\(Self.cssClass(priority))\" x=\"\(x + 1)\" y=\"\(above)\" width=\"\(slot - 2)\" height=\"\(below - above)\" "
                out += "data-priority=\"\(Self.name(priority))\" data-count=\"\(count)\"/>"
            }
            let label = hour.local.time.minute == 0 ? DecimalText.padded(hour.local.time.hour, width: 2) : hour.local.time.hourMinute
            out += "<text class=\"axis\" x=\"\(x + slot / 2)\" y=\"\(height - 6)\" text-anchor=\"middle\">\(label)</text></g>\n"
        }
        out += "</svg>\n"
    }

    private func appendGridLine(_ value: Int, y: Int, width: Int, to out: inout String) {
        out += "<line class=\"grid\" x1=\"\(Self.left)\" y1=\"\(y)\" x2=\"\(width - 4)\" y2=\"\(y)\"/>"
        out += "<text class=\"axis\" x=\"\(Self.left - 4)\" y=\"\(y + 4)\" text-anchor=\"end\">\(value)</text>\n"
    }
}
