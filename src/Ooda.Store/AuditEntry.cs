namespace Ooda.Store;

/// <summary>
/// One entry of the workspace's append-only audit log. <see cref="Hash"/> covers every other field and the previous
/// entry's hash, so editing or removing any entry breaks the chain.
/// </summary>
public sealed record AuditEntry(long Sequence, DateTime At, string Actor, string Action, string Subject, string Details, string PreviousHash, string Hash);
