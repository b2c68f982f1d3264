namespace Ooda.Store;

/// <summary>The result of checking the audit chain: how many entries held, and the first break when one is found.</summary>
/// <param name="BrokenAt">Sequence number of the first entry that does not verify; null when the chain is whole.</param>
/// <param name="Problem">What is wrong there, in words; null when the chain is whole.</param>
public sealed record AuditVerification(long Entries, long? BrokenAt, string? Problem)
{
    public bool IsIntact => BrokenAt is null;
}
