import HTMLDocument

/// The report as one self-contained page (SPEC §8's frame): the summary, then each table's groups with
/// their counts. Every value is escaped: tag values are written by whoever can tag a resource.
extension FleetReport {
    static let style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1b1b1b}
        h1{font-size:20px}h2{font-size:16px;margin-top:28px}h3{font-size:14px;margin:18px 0 6px}
        table{border-collapse:collapse;width:100%;margin-bottom:8px}
        th{background:#1E4E79;color:#fff;text-align:left;padding:4px 8px;position:sticky;top:0}
        td{border-bottom:1px solid #ddd;padding:3px 8px;vertical-align:top;overflow-wrap:break-word}
        ul.summary{padding-left:18px}

        """

    public func html() -> String {
        HTMLPage.render(title: title, style: Self.style) { out in
            out += "<h1>"
            HTMLText.append(title, to: &out)
            out += "</h1>\n<ul class=\"summary\">\n"
            for line in summary {
                out += "<li>"
                HTMLText.append(line, to: &out)
                out += "</li>\n"
            }
            out += "</ul>\n"
            for table in tables {
                out += "<h2>"
                HTMLText.append("\(table.name) (\(table.rows.count))", to: &out)
                out += "</h2>\n"
                let shown = table.columns.indices.filter { $0 != table.groupColumn }
                for group in table.groups where !group.rows.isEmpty {
                    if let groupColumn = table.groupColumn {
                        out += "<h3>"
                        HTMLText.append("\(table.columns[groupColumn].title): \(group.name) (\(group.rows.count))", to: &out)
                        out += "</h3>\n"
                    }
                    out += "<table>\n<tr>"
                    for column in shown {
                        out += "<th>"
                        HTMLText.append(table.columns[column].title, to: &out)
                        out += "</th>"
                    }
                    out += "</tr>\n"
                    for row in group.rows {
                        out += "<tr>"
                        for column in shown {
                            out += "<td>"
                            HTMLText.append(row[column], to: &out)
                            out += "</td>"
                        }
                        out += "</tr>\n"
                    }
                    out += "</table>\n"
                }
            }
        }
    }
}
