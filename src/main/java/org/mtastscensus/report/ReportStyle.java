package org.mtastscensus.report;

/** The page's only stylesheet, inlined: the report must open offline and fetch nothing. System fonts only. */
final class ReportStyle {
  static final String CSS = """
      :root{--ink:#1f2933;--muted:#5f6b7a;--line:#dde2e8;--bg:#f6f7f9;--accent:#2563a6}
      *{box-sizing:border-box}
      body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,
        "Helvetica Neue","DejaVu Sans",Arial,sans-serif}
      header.top{background:#14324f;color:#fff;padding:28px 0 22px}
      header.top h1{margin:0 0 4px;font-size:26px;font-weight:650;letter-spacing:.2px}
      header.top p{margin:0;color:#c9d6e3}
      .wrap{max-width:1040px;margin:0 auto;padding:0 24px}
      nav.toc{background:#fff;border-bottom:1px solid var(--line);padding:10px 0;font-size:13.5px}
      nav.toc .wrap{display:flex;flex-wrap:wrap;gap:4px 16px}
      nav.toc a{color:var(--accent);text-decoration:none;white-space:nowrap}
      nav.toc a:hover{text-decoration:underline}
      main section{background:#fff;border:1px solid var(--line);border-radius:8px;margin:22px 0;padding:22px 26px}
      h2{font-size:20px;margin:0 0 10px;color:#14324f}
      p.intro{color:var(--ink);max-width:80ch}
      p.note{color:var(--muted);font-size:13.5px;background:#f3f5f8;border-left:3px solid var(--line);padding:8px 12px}
      code{font:13px/1.4 ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;background:#f0f2f5;
        padding:1px 4px;border-radius:3px}
      .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:14px;margin:14px 0 20px}
      .card{border:1px solid var(--line);border-radius:8px;padding:14px 16px;background:#fbfcfd}
      .card-title{font-size:12.5px;text-transform:uppercase;letter-spacing:.6px;color:var(--muted)}
      .card .big{font-size:32px;font-weight:650;color:#14324f;margin:2px 0 4px}
      .card p{margin:0;font-size:13.5px;color:var(--ink)}
      figure{margin:18px 0 8px}
      figcaption{font-weight:600;margin-bottom:6px}
      svg.chart{display:block;max-width:100%;height:auto;font-size:13px}
      svg .label{fill:var(--ink)}
      svg .value{fill:var(--ink);font-variant-numeric:tabular-nums}
      svg .muted,svg .tick{fill:var(--muted);font-size:12px}
      svg .legend{fill:var(--ink);font-size:12.5px}
      svg .inbar{fill:#fff;font-size:12px;font-weight:600}
      svg .inbar.dark{fill:#1f2933}
      svg .series{fill:var(--ink);font-weight:600}
      svg .axis{stroke:#9aa5b1;stroke-width:1}
      svg .grid{stroke:#e6e9ee;stroke-width:1}
      .table-wrap{overflow-x:auto}
      table{border-collapse:collapse;margin:10px 0 4px;font-size:13.5px;min-width:50%}
      caption{text-align:left;color:var(--muted);font-size:12.5px;padding-bottom:4px}
      th,td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:left;vertical-align:top}
      thead th{border-bottom:2px solid #c5ccd6;font-weight:600}
      tbody th{font-weight:500}
      .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      table.matrix td.diag{background:#eef4fb}
      table.matrix td.moved{background:#fff6e5;font-weight:600}
      .swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 3px 0 6px}
      details{margin:10px 0}
      summary{cursor:pointer;color:var(--accent)}
      dl.defs{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;font-size:13.5px}
      dl.defs dt{font-weight:600}
      dl.defs dd{margin:0}
      footer{color:var(--muted);font-size:13px;padding:8px 0 40px}
      footer table{min-width:0}
      footer th{font-weight:600;color:var(--ink)}
      @media print{body{background:#fff}main section{break-inside:avoid;border:none}nav.toc{display:none}}
      """;

  private ReportStyle() {}
}
