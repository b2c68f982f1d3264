namespace Ooda.Store;

/// <summary>What <see cref="Workspace.RaiseLeads"/> did: lead ids raised anew, updated with new findings, and re-opened after a dismissal.</summary>
public sealed record LeadRaiseResult(IReadOnlyList<string> Raised, IReadOnlyList<string> Updated, IReadOnlyList<string> Reopened)
{
    public static LeadRaiseResult None { get; } = new([], [], []);

    /// <summary>Every lead that changed.</summary>
    public IReadOnlyList<string> Touched => [.. Raised.Concat(Updated).Concat(Reopened).Distinct(StringComparer.Ordinal)];
}
