namespace Ooda.Sigma;

/// <summary>What became of one rule document: compiled, skipped or rejected, with the exact reason and notes.</summary>
/// <param name="Notes">Per-target remarks, e.g. <c>security-4688: not used (needs OriginalFileName)</c>.</param>
public sealed record SigmaRuleVerdict(
    string Location,
    string? RuleId,
    string? Title,
    SigmaVerdictStatus Status,
    SigmaError? Error,
    IReadOnlyList<string> Notes);
