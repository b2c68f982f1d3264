namespace Ooda.Reports;

/// <summary>An indicator of compromise and every place the case's evidence shows it.</summary>
public sealed record ReportIoc(IocKind Kind, string Value, IReadOnlyList<ReportIocSighting> Seen)
{
    /// <summary>Earliest sighting with a time (UTC); null when none has one.</summary>
    public DateTime? FirstSeen => Seen.Min(s => s.Time);

    public DateTime? LastSeen => Seen.Max(s => s.Time);
}
