using System.Text;
using Ooda.Investigation.Cases;
using Ooda.Investigation.Timeline;
using Ooda.Reports;
using Ooda.Store;

namespace Ooda.Engine.Reports;

/// <summary>
/// A case's machine exports: STIX 2.1, ATT&amp;CK Navigator and MISP from the composed report, and Timesketch CSV from the case's
/// full timeline (every row in the report's window, both lanes) through <see cref="TimesketchCsv"/>. Exports name evidence files
/// without their folders; the full paths stay in the HTML and Markdown report.
/// </summary>
public static class ExportService
{
    public static void Write(Workspace workspace, StoredCase @case, ExportFormat format, Stream output, ReportOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new ReportOptions();
        if (format == ExportFormat.Timesketch)
        {
            WriteTimesketch(workspace, @case, output, options, cancellationToken);
            return;
        }

        var report = ReportService.Compose(workspace, @case, options, cancellationToken);
        Write(report, format, output);
    }

    /// <summary>Writes an already composed report; Timesketch needs the store and is refused here.</summary>
    public static void Write(CaseReport report, ExportFormat format, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case ExportFormat.Stix:
                StixBundle.Write(output, report);
                break;
            case ExportFormat.Navigator:
                NavigatorLayer.Write(output, report);
                break;
            case ExportFormat.Misp:
                MispEvent.Write(output, report);
                break;
            default:
                throw new ArgumentException($"{format} is exported from the store: use Write(workspace, case, …)", nameof(format));
        }

        output.Write("\n"u8);
    }

    private static void WriteTimesketch(Workspace workspace, StoredCase @case, Stream output, ReportOptions options, CancellationToken cancellationToken)
    {
        var findings = CaseService.FindingsOf(workspace, @case);
        var lead = ReportService.Lead(workspace, findings, options.Around);
        var times = findings.Where(f => f.Timestamp != DateTime.MinValue).Select(f => ReportService.Utc(f.Timestamp)).ToList();
        var timelineOptions = ReportService.TimelineOptions(lead, times.Count > 0 ? times.Min() : null, times.Count > 0 ? times.Max() : null, options, limit: null)
            ?? throw new ArgumentException($"{@case.Id} has no finding with an evidence time to build a timeline around");
        var result = CaseTimeline.Build(workspace, @case, timelineOptions, cancellationToken);
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        // The analyst's folders stay out of what leaves the team: the file by name, with its SHA-256 and place, is enough to find it.
        var rows = result.AllRows().Select(r => r with { Provenance = r.Provenance with { File = ReportProvenance.NameOf(r.Provenance.File) } });
        TimesketchCsv.Write(writer, rows, cancellationToken);
    }
}
