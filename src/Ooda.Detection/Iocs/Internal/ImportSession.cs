using Ooda.Core;

namespace Ooda.Detection.Iocs.Internal;

/// <summary>One list being imported: counts every entry and turns it into an indicator or a diagnostic.</summary>
internal sealed class ImportSession
{
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly IocSetBuilder _builder;

    public ImportSession(string file, IocImportOptions options)
    {
        File = file;
        Options = options;
        _builder = new IocSetBuilder(_diagnostics);
    }

    public string File { get; }

    public IocImportOptions Options { get; }

    public int Entries { get; private set; }

    /// <summary>One candidate indicator.</summary>
    public void Offer(Ioc ioc)
    {
        Entries++;
        _builder.Add(ioc);
    }

    /// <summary>One entry that cannot become an indicator.</summary>
    public void Reject(string location, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        Entries++;
        _builder.Reject(new IocSource(File, location), message, severity);
    }

    /// <summary>A problem that is not one entry's (a syntax error that ends the file, a header).</summary>
    public void Note(string location, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        _diagnostics.Add(new Diagnostic(File, location, message, severity));

    public IocSource At(string location) => new(File, location);

    public IocSource AtLine(long line) => IocSource.AtLine(File, line);

    public IocImport Finish() => new(File, _builder.ToSet(), _diagnostics, Entries, _builder.Rejected, _builder.Duplicates);
}
