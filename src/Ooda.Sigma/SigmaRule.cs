namespace Ooda.Sigma;

/// <summary>One Sigma document as loaded, before compilation; where it came from travels with it.</summary>
public sealed record SigmaRule
{
    public required string SourcePath { get; init; }

    /// <summary>0-based index of the YAML document inside the file.</summary>
    public required int Document { get; init; }

    public required SigmaRuleKind Kind { get; init; }

    public string? Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The rule's <c>name</c>, which correlation rules may reference instead of its id.</summary>
    public string? Name { get; init; }

    public string? Status { get; init; }

    /// <summary>informational, low, medium, high or critical (lower case); null when absent.</summary>
    public string? Level { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Description { get; init; }

    public SigmaLogsource Logsource { get; init; } = SigmaLogsource.None;

    /// <summary>The raw document (a YAML map tree) for the compiler.</summary>
    internal OrderedDictionary<string, object?> Body { get; init; } = new(StringComparer.Ordinal);

    /// <summary><c>file</c> or <c>file#n</c> for the n-th document of a multi-document file.</summary>
    public string Location => Document == 0 ? SourcePath : $"{SourcePath}#{Document}";
}
