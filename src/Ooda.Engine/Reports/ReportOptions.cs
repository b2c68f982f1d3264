using Ooda.Detection.Runbooks;

namespace Ooda.Engine.Reports;

/// <summary>How to compose a case's report; what is left unset the case decides.</summary>
public sealed record ReportOptions
{
    /// <summary>The finding (id or prefix) the timeline and process tree pivot on; null for the case's lead (most severe, then earliest).</summary>
    public string? Around { get; init; }

    /// <summary>Time shown before the first and after the last finding on the timeline, and around the lead in the process tree.</summary>
    public TimeSpan Margin { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The longest timeline window on either side of the lead, however far apart the findings are.</summary>
    public TimeSpan MaxSpan { get; init; } = TimeSpan.FromDays(14);

    /// <summary>The process the tree starts from on the lead's host.</summary>
    public string TreeRoot { get; init; } = "w3wp.exe";

    /// <summary>The report's date; now when null. Tests and golden files pin it.</summary>
    public DateTime? GeneratedAt { get; init; }

    public string GeneratedBy { get; init; } = "ooda";

    /// <summary>Runbooks for the ATT&amp;CK view and the remediation steps; the built-ins when null.</summary>
    public RunbookLibrary? Runbooks { get; init; }

    /// <summary>Whether the analysts' case notes appear in the summary; off for reports a customer opens in the console.</summary>
    public bool IncludeNotes { get; init; } = true;
}
