import HTMLDocument

/// Cost by service as horizontal bars in inline SVG, the month beside the month before: no script, nothing
/// fetched, a title a screen reader reads. Adjustments (tax, credits, refunds) are listed in the table, not
/// drawn: a negative bar on a cost chart misleads more than it tells.
struct CostChart {
    struct Bar {
        let label: String
        let amount: Money
        let previous: Money
    }

    let bars: [Bar]
    let currency: String
    /// More bars make an unreadable picture; the rest are summed into one.
    static let limit = 15

    init(table: CostTable) {
        currency = table.currency
        let spending = table.rows
            .filter { if case .adjustment = $0.kind { return false } else { return true } }
            .sorted { ($1.amount, $0.label) < ($0.amount, $1.label) }
        var bars = spending.prefix(Self.limit).map { Bar(label: $0.label, amount: $0.amount, previous: $0.previous) }
        if spending.count > Self.limit {
            let rest = spending.dropFirst(Self.limit)
            bars.append(Bar(
                label: "\(rest.count) more", amount: rest.reduce(.zero) { $0 + $1.amount }, previous: rest.reduce(.zero) { $0 + $1.previous }))
        }
        self.bars = bars
    }

    private static let labelWidth = 220
    private static let plotWidth = 480
    private static let rowHeight = 26

    func appendSVG(to out: inout String) {
        let highest = bars.flatMap { [$0.amount, $0.previous] }.max() ?? .zero
        let height = Self.rowHeight * max(1, bars.count) + 24
        let width = Self.labelWidth + Self.plotWidth + 110
        out += "<svg class=\"chart\" role=\"img\" aria-labelledby=\"cost-chart-title\" viewBox=\"0 0 \(width) \(height)\">\n"
        out += "<title id=\"cost-chart-title\">Cost by service in \(currency), this month (dark) and the month before (light)</title>\n"
        for (index, bar) in bars.enumerated() {
            let y = 4 + index * Self.rowHeight
            out += "<g class=\"bar\"><title>"
            HTMLText.append("\(bar.label): \(bar.amount) \(currency) (month before \(bar.previous))", to: &out)
            out += "</title><text x=\"\(Self.labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">"
            HTMLText.append(bar.label.count > 34 ? String(bar.label.prefix(33)) + "…" : bar.label, to: &out)
            out += "</text>"
            out += "<rect class=\"now\" x=\"\(Self.labelWidth)\" y=\"\(y + 2)\" width=\"\(length(bar.amount, of: highest))\" height=\"10\"/>"
            out += "<rect class=\"before\" x=\"\(Self.labelWidth)\" y=\"\(y + 13)\" width=\"\(length(bar.previous, of: highest))\" height=\"6\"/>"
            out += "<text x=\"\(Self.labelWidth + length(bar.amount, of: highest) + 6)\" y=\"\(y + 12)\">\(bar.amount)</text></g>\n"
        }
        out += "</svg>\n"
    }

    /// A bar's length in drawing units; negative and zero amounts draw nothing.
    private func length(_ amount: Money, of highest: Money) -> Int {
        guard highest > .zero, amount > .zero else { return 0 }
        return Int((amount.units * Int128(Self.plotWidth)) / highest.units)
    }
}
