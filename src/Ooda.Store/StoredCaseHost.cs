namespace Ooda.Store;

/// <summary>A host in a case's scope, with why and by whom it was added.</summary>
public sealed record StoredCaseHost(string Host, string Reason, DateTime AddedAt, string AddedBy);
