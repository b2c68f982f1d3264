using Ooda.Core;

namespace Ooda.Reports;

/// <summary>Where a piece of evidence was read: the file as ingested, its SHA-256, and the record, line or byte offset in it.</summary>
public sealed record ReportProvenance(string File, string Sha256, long? RecordId, long? Line, long? Offset)
{
    /// <summary><c>record 4711</c>, <c>line 12</c>, <c>offset 0x1a2b</c>, or empty.</summary>
    public string Location =>
        RecordId is { } r ? FormattableString.Invariant($"record {r}")
        : Line is { } l ? FormattableString.Invariant($"line {l}")
        : Offset is { } o ? FormattableString.Invariant($"offset 0x{o:x}")
        : string.Empty;

    /// <summary>The evidence file's name without its folders, which are the analyst's and stay out of exports.</summary>
    public string FileName => NameOf(File);

    /// <summary>The last part of a path, split at <c>/</c> or <c>\</c> whichever system wrote it.</summary>
    public static string NameOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
    }

    public static ReportProvenance Of(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var p = finding.Provenance;
        return new ReportProvenance(p.File ?? string.Empty, p.Sha256 ?? string.Empty, finding.RecordId, p.Line > 0 ? p.Line : null, p.Offset >= 0 ? p.Offset : null);
    }
}
