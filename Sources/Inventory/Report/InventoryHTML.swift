import HTMLDocument

/// The run as one self-contained page (SPEC §8's frame): the cost with its chart, the summary by category,
/// what could not be listed, then each kind's table. Every value from AWS is escaped: resource names and tags
/// are whatever the account's users typed.
public enum InventoryHTML {
    /// Rows per kind on the page; the workbook and CSV have them all.
    static let rowsPerKind = 500

    public static func render(_ report: InventoryReport) -> String {
        let title = "AWS inventory \(report.label) \(report.month)"
        return HTMLPage.render(title: title, style: style, capacity: 64 * 1_024) { out in
            out += "<header><h1>"
            HTMLText.append(title, to: &out)
            out += "</h1><p class=\"meta\">Generated \(report.generated.iso8601()) · "
            HTMLText.append(report.accounts.map { "\($0.profile) (\($0.accountID))" }.joined(separator: ", "), to: &out)
            out += " · "
            HTMLText.append(report.regions.joined(separator: ", "), to: &out)
            out += "</p></header>\n"
            appendNotices(report, to: &out)
            if let cost = report.cost { appendCost(cost, report: report, to: &out) }
            appendSummary(report, to: &out)
            appendCoverage(report, to: &out)
            for kind in report.kinds where !kind.rows.isEmpty { appendKind(kind, report: report, to: &out) }
        }
    }

    private static func appendNotices(_ report: InventoryReport, to out: inout String) {
        let problems = report.coverage.filter { if case .ok = $0.state { return false } else { return true } }
        if let cost = report.cost, cost.combined.estimated {
            out += "<p class=\"notice\">\(report.month) is still estimated by Cost Explorer: its figures will change until the month closes.</p>\n"
        }
        if !problems.isEmpty {
            out += "<p class=\"notice\"><a href=\"#coverage\">\(problems.count) of \(report.coverage.count) listings</a> did not complete; see Coverage.</p>\n"
        }
    }

    private static func appendCost(_ cost: CostReport, report: InventoryReport, to out: inout String) {
        let table = cost.combined
        out += "<section id=\"cost\"><h2>Cost</h2>\n<p class=\"total\">\(table.total) \(table.currency)"
        if table.estimated { out += " <span class=\"badge\">estimated</span>" }
        out += " <span class=\"change\">(\(report.month.previous): \(table.previousTotal), change \(signed(table.total - table.previousTotal)))</span>"
        if let rate = report.exchangeRate {
            out += " · \(grouped(convert(table.total, rate))) \(rate.currency) at \(rate.rate.exactDescription)"
        }
        out += "</p>\n"
        CostChart(table: table).appendSVG(to: &out)
        out += "<table><thead><tr><th>Row</th><th>Services</th><th class=\"n\">\(report.month)</th><th class=\"n\">\(report.month.previous)</th><th class=\"n\">Change</th></tr></thead><tbody>\n"
        for row in table.rows {
            out += "<tr><td class=\"\(CostBand(row.amount).cssClass)\">"
            HTMLText.append(row.label, to: &out)
            out += "</td><td>"
            HTMLText.append(row.services.joined(separator: ", "), to: &out)
            out += "</td><td class=\"n\">\(row.amount)</td><td class=\"n\">\(row.previous)</td><td class=\"n\">\(signed(row.change))</td></tr>\n"
        }
        out += "<tr class=\"sum\"><td>Total</td><td></td><td class=\"n\">\(table.total)</td><td class=\"n\">\(table.previousTotal)</td>"
        out += "<td class=\"n\">\(signed(table.total - table.previousTotal))</td></tr>\n</tbody></table>\n"
        if cost.perAccount.count > 1 {
            out += "<table><thead><tr><th>Account</th><th class=\"n\">\(report.month)</th><th class=\"n\">\(report.month.previous)</th></tr></thead><tbody>\n"
            for (account, accountTable) in cost.perAccount {
                out += "<tr><td>"
                HTMLText.append(account, to: &out)
                out += "</td><td class=\"n\">\(accountTable.total)</td><td class=\"n\">\(accountTable.previousTotal)</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        out += "</section>\n"
    }

    private static func appendSummary(_ report: InventoryReport, to out: inout String) {
        out += "<section id=\"summary\"><h2>Resources</h2>\n<table><thead><tr><th>Category</th><th>Kind</th><th class=\"n\">Count</th>"
        out += "<th class=\"n\">Cost</th></tr></thead><tbody>\n"
        for kind in report.kinds {
            // As on the workbook's summary: 0.00 for a kind whose services cost nothing, blank for one without any.
            let cost = report.cost.flatMap { cost in
                cost.combined.row(ofKind: kind.kind.id)?.amount ?? (kind.kind.costServices.isEmpty ? nil : Money.zero)
            }
            out += "<tr><td>\(kind.kind.category.rawValue)</td><td>"
            if kind.rows.isEmpty {
                HTMLText.append(kind.kind.title, to: &out)
            } else {
                out += "<a href=\"#kind-\(kind.kind.id)\">"
                HTMLText.append(kind.kind.title, to: &out)
                out += "</a>"
            }
            out += "</td><td class=\"n\">\(kind.rows.count)</td><td class=\"n \(cost.map { CostBand($0).cssClass } ?? "")\">\(cost.map(\.description) ?? "")</td></tr>\n"
        }
        out += "</tbody></table></section>\n"
    }

    private static func appendCoverage(_ report: InventoryReport, to out: inout String) {
        let problems = report.coverage.filter { if case .ok = $0.state { return false } else { return true } }
        out += "<section id=\"coverage\"><h2>Coverage</h2>\n<p>\(report.coverage.count - problems.count) of \(report.coverage.count) listings complete"
        out += problems.isEmpty ? ".</p>\n" : "; these did not:</p>\n"
        guard !problems.isEmpty else {
            out += "</section>\n"
            return
        }
        out += "<table><thead><tr><th>Account</th><th>Region</th><th>Kind</th><th>State</th><th>Detail</th></tr></thead><tbody>\n"
        for entry in problems {
            out += "<tr><td>"
            HTMLText.append("\(entry.profile) (\(entry.account))", to: &out)
            out += "</td><td>"
            HTMLText.append(entry.region, to: &out)
            out += "</td><td>"
            HTMLText.append(entry.kind, to: &out)
            out += "</td><td class=\"state\">"
            HTMLText.append(entry.state.description, to: &out)
            out += "</td><td>"
            HTMLText.append(entry.detail, to: &out)
            out += "</td></tr>\n"
        }
        out += "</tbody></table></section>\n"
    }

    private static func appendKind(_ kind: InventoryCollector.KindRows, report: InventoryReport, to out: inout String) {
        out += "<section id=\"kind-\(kind.kind.id)\"><details><summary><h2>"
        HTMLText.append("\(kind.kind.title) (\(kind.rows.count))", to: &out)
        out += "</h2></summary>\n<div class=\"scroll\"><table><thead><tr>"
        for header in report.header(of: kind.kind) {
            out += "<th>"
            HTMLText.append(header, to: &out)
            out += "</th>"
        }
        out += "</tr></thead><tbody>\n"
        for row in kind.rows.prefix(rowsPerKind) {
            out += "<tr>"
            for cell in report.cells(of: row) {
                if case .number = cell { out += "<td class=\"n\">" } else { out += "<td>" }
                HTMLText.append(cell.text, to: &out)
                out += "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table></div>\n"
        if kind.rows.count > rowsPerKind {
            out += "<p class=\"meta\">\(kind.rows.count - rowsPerKind) more rows are in the workbook and the CSV.</p>\n"
        }
        out += "</details></section>\n"
    }

    /// `+12.30`, `-4.00`: a change always carries its sign.
    static func signed(_ amount: Money) -> String {
        amount < .zero ? amount.description : "+" + amount.description
    }

    /// The converted amount, to the whole unit (won, yen) as such totals are quoted.
    static func convert(_ amount: Money, _ rate: ExchangeRate) -> String {
        let product = Money(units: amount.units * rate.rate.units / Money.scale)
        let description = product.description
        return String(description.prefix { $0 != "." })
    }

    /// `5,777,752`: thousands grouped for reading.
    static func grouped(_ digits: String) -> String {
        let negative = digits.hasPrefix("-")
        var whole = Array(negative ? digits.dropFirst() : Substring(digits))
        var index = whole.count - 3
        while index > 0 {
            whole.insert(",", at: index)
            index -= 3
        }
        return (negative ? "-" : "") + String(whole)
    }

    static let style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1200px;padding:12px;color:#1b1b1b}
        h1{font-size:20px;margin:4px 0}h2{font-size:16px;margin:18px 0 6px;display:inline}
        .meta{color:#555;font-size:12px}.notice{background:#FFF2CC;border-left:4px solid #ED7D31;padding:6px 10px}
        table{border-collapse:collapse;width:100%;margin:8px 0}th{background:#1E4E79;color:#fff;text-align:left;font-weight:600}
        th,td{border:1px solid #d0d7de;padding:3px 6px;vertical-align:top;word-break:break-word}.n{text-align:right;white-space:nowrap}
        tr.sum td{font-weight:700;border-top:2px solid #1E4E79}.total{font-size:18px;font-weight:700}.change{font-size:13px;font-weight:400;color:#555}
        .badge{background:#ED7D31;color:#fff;border-radius:3px;padding:0 6px;font-size:12px}
        .band0{background:#C00000;color:#fff;font-weight:700}.band1{background:#ED7D31;color:#fff;font-weight:700}
        .band2{background:#FFD966;font-weight:700}.band3{background:#FFF2CC}.band4{background:#EDEDED}
        .chart{width:100%;max-width:820px;height:auto}.chart text{font-size:12px;fill:#1b1b1b}.chart .now{fill:#1E4E79}.chart .before{fill:#9DC3E6}
        .scroll{overflow-x:auto}summary{cursor:pointer;margin:10px 0}.state{white-space:nowrap}
        @media (max-width:600px){body{padding:6px;font-size:13px}th,td{padding:2px 4px}}

        """
}
