namespace Ooda.Detection.Runbooks;

/// <summary>One hunt step of a runbook: a rule or query, the ATT&amp;CK technique it evidences, and the severity of a hit.</summary>
/// <param name="Body">The Sigma rule (YAML text), the Sigma rule id, the SQL text, the YARA source, or the file check's name.</param>
/// <param name="Line">Line of the hunt in its runbook file, for error messages.</param>
public sealed record RunbookHunt(
    string Id,
    string Title,
    RunbookHuntKind Kind,
    string Body,
    IReadOnlyList<string> Techniques,
    string Severity,
    string? Description = null,
    string? Source = null,
    int Line = 0);
