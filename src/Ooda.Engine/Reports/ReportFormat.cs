namespace Ooda.Engine.Reports;

/// <summary>Report output: self-contained HTML, Markdown, PDF (headless Chromium prints the HTML) or a PNG of the first page.</summary>
public enum ReportFormat
{
    Html,
    Markdown,
    Pdf,
    Png,
}
