namespace Ooda.Investigation.Lateral;

/// <summary>Which lateral-movement graph to build: one tenant, the hosts the investigation starts from, an optional UTC window.</summary>
/// <param name="SeedHosts">Hosts in the case's scope or with its findings; edges from them are judged more strictly and reach starts there.</param>
/// <param name="From">Inclusive window start (UTC); null for the start of the evidence.</param>
/// <param name="To">Exclusive window end (UTC); null for its end.</param>
public sealed record LateralGraphRequest(string Tenant, IReadOnlyList<string> SeedHosts, DateTime? From = null, DateTime? To = null)
{
    public LateralGraphOptions Options { get; init; } = LateralGraphOptions.Default;
}
