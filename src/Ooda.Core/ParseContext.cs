namespace Ooda.Core;

/// <summary>What a parser needs besides the bytes: the source, a place to report diagnostics, and cancellation.</summary>
public sealed class ParseContext
{
    private readonly Action<Diagnostic> _report;

    public ParseContext(EvidenceSource source, Action<Diagnostic> report, CancellationToken cancellationToken = default)
    {
        Source = source;
        _report = report;
        CancellationToken = cancellationToken;
    }

    public EvidenceSource Source { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Reports a problem at a line of the source.</summary>
    public void ReportLine(long line, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        _report(new Diagnostic(Source.Path, line.ToString(System.Globalization.CultureInfo.InvariantCulture), message, severity));

    /// <summary>Reports a problem at a byte offset of the source.</summary>
    public void ReportOffset(long offset, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        _report(new Diagnostic(Source.Path, $"@0x{offset:x}", message, severity));

    /// <summary>Reports a problem that concerns the whole file.</summary>
    public void ReportFile(string message, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        _report(new Diagnostic(Source.Path, string.Empty, message, severity));

    public void Report(Diagnostic diagnostic) => _report(diagnostic);

    /// <summary>Provenance for a record at a line of this source.</summary>
    public Provenance AtLine(long line, long offset = -1) => new(Source.Path, Source.Sha256, offset, line);

    /// <summary>Provenance for a record at a byte offset of this source.</summary>
    public Provenance AtOffset(long offset) => new(Source.Path, Source.Sha256, offset, 0);
}
