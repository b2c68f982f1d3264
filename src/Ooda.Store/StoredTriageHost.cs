namespace Ooda.Store;

/// <summary>One host of a stored triage run, as later stages read it.</summary>
/// <param name="Rank">Place in investigate-first order, 1 first.</param>
/// <param name="Build">The build as assessed, else as the inventory gave it; null when none.</param>
/// <param name="Status"><c>vulnerable</c>, <c>patched</c>, <c>unknown</c> or <c>not-exchange</c>.</param>
/// <param name="VulnerableTo">CVE ids the build is still exposed to.</param>
/// <param name="InternetExposed443">443/tcp open from the internet; null when no scan tells.</param>
/// <param name="Priority"><c>critical</c>, <c>high</c>, <c>medium</c>, <c>low</c> or <c>none</c>.</param>
/// <param name="Reasons">Why the host ranks where it does, most important first.</param>
/// <param name="Ip">The inventory's internal address; lateral-movement edges resolve through it.</param>
public sealed record StoredTriageHost(
    int Rank,
    string Tenant,
    string Host,
    string? Fqdn,
    string? PublicIp,
    string? Build,
    string Status,
    IReadOnlyList<string> VulnerableTo,
    bool? InternetExposed443,
    string Priority,
    IReadOnlyList<string> Reasons,
    string? ResponseMode,
    string? Ip = null);
