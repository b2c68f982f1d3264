namespace Ooda.Reports.Internal;

/// <summary>The report's one stylesheet, inline: screen and A4 print, no fonts or images from elsewhere.</summary>
internal static class ReportCss
{
    public const string Sheet = """
        @page{size:A4;margin:16mm 14mm 18mm 14mm}
        *{box-sizing:border-box}
        html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        body{margin:0 auto;max-width:1040px;padding:24px 28px;font:13px/1.45 "DejaVu Sans","Liberation Sans",Arial,sans-serif;color:#1f2328;background:#fff}
        h1{font-size:24px;margin:6px 0 4px}
        h2{font-size:17px;margin:26px 0 8px;padding-bottom:4px;border-bottom:2px solid #d0d7de;break-after:avoid}
        h3{font-size:14px;margin:14px 0 6px;break-after:avoid}
        p{margin:6px 0}
        .mono,code,td.v{font-family:"DejaVu Sans Mono","Liberation Mono",Consolas,monospace;font-size:11.5px;overflow-wrap:anywhere;word-break:break-word}
        .muted{color:#57606a}
        .tlp{display:inline-block;font:bold 12px/1 "DejaVu Sans Mono",monospace;padding:5px 9px;background:#000;border-radius:3px;letter-spacing:.5px}
        .tlp-red{color:#ff2b2b}.tlp-amber,.tlp-amber-strict{color:#ffc000}.tlp-green{color:#33ff00}.tlp-clear{color:#fff}.tlp-other{color:#fff}
        .tlpbar{display:flex;justify-content:space-between;align-items:center;border-bottom:1px solid #d0d7de;padding-bottom:8px}
        .tlpnote{font-size:11px;color:#57606a;max-width:70%;text-align:right}
        .cover{margin:10px 0 6px}
        .facts{display:grid;grid-template-columns:repeat(4,1fr);gap:6px 18px;margin:12px 0;padding:10px 12px;background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px}
        .facts small{display:block;font-size:10.5px;text-transform:uppercase;letter-spacing:.4px;color:#57606a}
        .facts div b{font-weight:600;overflow-wrap:anywhere}
        .summary{font-size:14px;border-left:4px solid #0969da;padding:4px 0 4px 12px;margin:10px 0}
        .summary li{margin:3px 0}
        .sev{display:inline-block;min-width:74px;text-align:center;font:bold 10.5px/1.6 "DejaVu Sans",sans-serif;text-transform:uppercase;border-radius:10px;padding:0 7px;color:#fff}
        .sev-critical{background:#8b0a0a}.sev-high{background:#cf222e}.sev-medium{background:#bf8700}.sev-low{background:#1a7f37}.sev-informational,.sev-other{background:#6e7781}
        .state{display:inline-block;font-size:11px;border:1px solid #8c959f;border-radius:10px;padding:0 7px}
        .state-done{background:#dafbe1;border-color:#1a7f37}.state-failed,.state-rejected{background:#ffebe9;border-color:#cf222e}
        .state-dispatched,.state-approved{background:#ddf4ff;border-color:#0969da}.state-awaiting-approval,.state-proposed{background:#fff8c5;border-color:#bf8700}
        table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:12px}
        th,td{text-align:left;vertical-align:top;padding:4px 6px;border-bottom:1px solid #d8dee4}
        th{background:#f6f8fa;font-weight:600;border-bottom:1px solid #afb8c1}
        tr{break-inside:avoid}
        td.host{white-space:nowrap}
        td.t{white-space:nowrap;font-family:"DejaVu Sans Mono",monospace;font-size:11px}
        figure{margin:8px 0 14px;break-inside:avoid}
        figure svg{max-width:100%;height:auto;border:1px solid #d8dee4;border-radius:4px}
        figcaption{font-size:11.5px;color:#57606a;margin-top:4px}
        .matrix{display:grid;grid-template-columns:repeat(7,1fr);gap:4px;margin:8px 0}
        .tactic{border:1px solid #d0d7de;border-radius:4px;min-height:54px;break-inside:avoid}
        .tactic h4{margin:0;padding:4px 5px;font-size:10.5px;background:#f6f8fa;border-bottom:1px solid #d0d7de;line-height:1.2}
        .tactic h4 span{display:block;font-weight:normal;color:#57606a;font-size:9.5px}
        .tech{margin:3px;padding:3px 4px;border-radius:3px;font-size:10px;line-height:1.25}
        .tech b{display:block;font-family:"DejaVu Sans Mono",monospace;font-size:9.5px}
        .tech-observed{background:#cf222e;color:#fff}
        .tech-expected{background:#fff;border:1px dashed #8c959f;color:#57606a}
        .tactic-none{opacity:.55}
        .legend{font-size:11px;color:#57606a}
        .legend i{display:inline-block;width:11px;height:11px;vertical-align:-1px;margin:0 4px 0 10px;border-radius:2px}
        .finding{border:1px solid #d0d7de;border-left-width:5px;border-radius:4px;padding:8px 10px;margin:8px 0;break-inside:avoid}
        .finding-critical{border-left-color:#8b0a0a}.finding-high{border-left-color:#cf222e}.finding-medium{border-left-color:#bf8700}.finding-low{border-left-color:#1a7f37}
        .finding h3{margin:0 0 4px}
        .finding table{margin:4px 0}
        .finding td.k{width:22%;color:#57606a}
        .prov{font-size:11px;color:#57606a}
        .empty{color:#57606a;font-style:italic}
        footer{margin-top:30px;border-top:1px solid #d0d7de;padding-top:8px;font-size:11px;color:#57606a}
        .pagebreak{break-before:page}
        @media print{body{max-width:none;padding:0}h2{break-after:avoid}.nobreak{break-inside:avoid}}
        """;
}
