namespace Ooda.Store;

/// <summary>
/// Remote logons (Security 4624, types 3 and 10) recorded on <see cref="Host"/> that share source address, workstation, account,
/// logon type and package. Counts, times and evidence cover the query's window; <see cref="Days"/> and <see cref="TotalCount"/>
/// cover the tenant's whole store, the baseline a pair is judged against.
/// </summary>
/// <param name="Days">Distinct UTC days with such a logon anywhere in the store, ascending.</param>
public sealed record LateralLogonGroup(
    string Host,
    string? IpAddress,
    string? Workstation,
    string? User,
    string? Domain,
    int LogonType,
    string? AuthPackage,
    long WindowCount,
    DateTime? WindowFirst,
    DateTime? WindowLast,
    long TotalCount,
    IReadOnlyList<DateOnly> Days,
    IReadOnlyList<LateralEvidenceRef> Evidence);
