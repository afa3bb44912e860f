/// The check report's CSS. Class colours match the Slack message's words; under 720 px the table becomes
/// one card per monitor.
enum CheckReportStyle {
    static let css = """
    body{font:15px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Noto Sans KR",sans-serif;margin:0;padding:16px;color:#1d2330;background:#f6f7f9}
    h1{font-size:1.35em;margin:0 0 4px}
    .meta{color:#5b6475;margin:0 0 12px}
    .counts{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 16px;padding:0;list-style:none}
    .counts li{padding:6px 10px;border-radius:6px;background:#fff;border:1px solid #d9dde4}
    .state{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;font-size:.85em;white-space:nowrap}
    .c-error{background:#5a1a8c;color:#fff}.c-alert{background:#c62828;color:#fff}.c-warn{background:#f0a020;color:#1d2330}
    .c-nodata{background:#7b8794;color:#fff}.c-unknown{background:#b0b7c3;color:#1d2330}.c-muted{background:#3f6fb5;color:#fff}
    .c-ok{background:#2e7d32;color:#fff}
    .cat{display:inline-block;padding:0 6px;border-radius:4px;border:1px solid #9aa3b1;font-size:.8em;color:#3a4252}
    table{border-collapse:collapse;width:100%;background:#fff}
    th,td{text-align:left;vertical-align:top;padding:8px;border-bottom:1px solid #e3e6eb}
    th{background:#eef0f3;font-size:.85em}
    tr.notok td:first-child{border-left:4px solid #c62828}
    code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;word-break:break-all;white-space:pre-wrap}
    pre{background:#f3f4f6;padding:8px;max-height:360px;overflow:auto}
    ul.groups{margin:4px 0 0;padding-left:18px}
    .detail{color:#5b6475}
    .incomplete{background:#fff4e0;border:1px solid #f0a020;border-radius:6px;padding:8px 10px;margin:0 0 12px}
    @media (max-width:720px){table,tbody,tr,td{display:block;width:auto}thead{display:none}tr{margin:0 0 12px;border:1px solid #d9dde4;border-radius:6px}td{border:0;padding:4px 10px}td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#5b6475}}

    """
}
