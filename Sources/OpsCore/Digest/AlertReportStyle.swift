/// The alert report's CSS: the check report's, so both pages look alike and share the state badges and
/// the one-card-per-row layout on phones, plus the warning box, the count tables and the chart's colours.
enum AlertReportStyle {
    static let css = CheckReportStyle.css + """
    h2{font-size:1.1em;margin:20px 0 8px}
    .warning{margin:8px 0 12px;padding:10px 14px;border:2px solid #c62828;border-radius:6px;background:#fdecea;color:#7f1010;font-weight:600}
    .headline{font-size:1.1em;margin:0 0 8px}
    .totals{display:flex;flex-wrap:wrap;gap:16px}
    .totals table{width:auto}
    caption{text-align:left;font-weight:600;padding:4px 0}
    .n{text-align:right}
    tr.sum td,tr.sum th{font-weight:600}
    tr.test td{color:#7b8794}
    .chart{display:block;width:100%;max-width:900px;height:auto;background:#fff;border:1px solid #d9dde4}
    .chart .axis{font-size:11px;fill:#5b6475}
    .chart .grid{stroke:#d9dde4}
    .p1{fill:#c62828;background:#c62828}.p2{fill:#ef6c00;background:#ef6c00}.p3{fill:#f0a020;background:#f0a020}
    .p4{fill:#3f6fb5;background:#3f6fb5}.p5{fill:#7b8794;background:#7b8794}.pnone{fill:#b0b7c3;background:#b0b7c3}
    .legend{display:flex;flex-wrap:wrap;gap:12px;margin:6px 0 0;padding:0;list-style:none;font-size:.85em}
    .swatch{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}

    """ + AlertTable.phoneCSS
}
