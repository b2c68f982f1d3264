namespace Ooda.Store;

/// <summary>
/// Which stored events a SQL hunt reads: those of one tenant (exact) and one host (without case), as
/// <see cref="Workspace.QueryEvents"/> selects them; null reads every event.
/// </summary>
public sealed record SqlHuntScope(string? Tenant = null, string? Host = null)
{
    public static SqlHuntScope All { get; } = new();
}
