namespace Ooda.Store;

/// <summary>Which queue rows to list, oldest first; every filter is optional.</summary>
public sealed record InboxItemQuery
{
    public string? Tenant { get; init; }

    /// <summary>Only rows in these states (see <see cref="InboxItemStates"/>).</summary>
    public IReadOnlyList<string>? States { get; init; }

    public int? Limit { get; init; }
}
