namespace Ooda.Detection.Runbooks;

/// <summary>One changelog entry: which version, when, what changed, and the case or findings it was learned from.</summary>
public sealed record RunbookChange(RunbookVersion Version, DateOnly Date, IReadOnlyList<string> Changes, string? Source = null, string? Author = null);
