namespace Ooda.Store;

/// <summary>
/// Explicit-credential logons (Security 4648) recorded on the source <see cref="Host"/> towards one server with one account from
/// one process. Counts, times and evidence cover the window; <see cref="Days"/> and <see cref="TotalCount"/> the whole store.
/// </summary>
/// <param name="TargetInfo">The service principal the credentials were used for, e.g. <c>cifs/dc01</c> or <c>TERMSRV/dc01</c>.</param>
public sealed record LateralCredentialGroup(
    string Host,
    string? TargetServer,
    string? TargetInfo,
    string? User,
    string? Domain,
    string? SubjectUser,
    string? Process,
    long WindowCount,
    DateTime? WindowFirst,
    DateTime? WindowLast,
    long TotalCount,
    IReadOnlyList<DateOnly> Days,
    IReadOnlyList<LateralEvidenceRef> Evidence);
