namespace Ooda.Core;

/// <summary>A runbook hunt step that found a finding; one finding can have several (one Sigma rule hunted by several runbooks).</summary>
public sealed record FindingSource(string RunbookId, string? RunbookVersion, string? HuntId)
{
    /// <summary><c>id@version</c>, or the id alone when the version is unknown: what a runbook library finds.</summary>
    public string Reference => RunbookVersion is { Length: > 0 } version ? $"{RunbookId}@{version}" : RunbookId;

    /// <summary>Sources in one stable order, each once, so merged findings compare and print the same every run.</summary>
    public static IReadOnlyList<FindingSource> Ordered(IEnumerable<FindingSource> sources) =>
        [.. sources.Distinct().OrderBy(s => s.RunbookId, StringComparer.Ordinal).ThenBy(s => s.RunbookVersion, StringComparer.Ordinal)
            .ThenBy(s => s.HuntId, StringComparer.Ordinal)];
}
