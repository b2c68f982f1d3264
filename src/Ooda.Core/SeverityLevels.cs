namespace Ooda.Core;

/// <summary>The severity scale every detector shares (Sigma's levels), lowest first, so one rank orders rules, runbook hunts and findings.</summary>
public static class SeverityLevels
{
    private static readonly string[] _all = ["informational", "low", "medium", "high", "critical"];

    public static IReadOnlyList<string> All => _all;

    /// <summary>0 (informational) … 4 (critical); -1 for an unknown or absent level. Case-insensitive.</summary>
    public static int Rank(string? level) =>
        level is null ? -1 : Array.FindIndex(_all, s => string.Equals(s, level, StringComparison.OrdinalIgnoreCase));
}
