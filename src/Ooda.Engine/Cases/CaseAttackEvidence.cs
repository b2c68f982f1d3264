namespace Ooda.Engine.Cases;

/// <summary>One finding that evidences a technique: what it is, where and when, and how it named the technique.</summary>
/// <param name="Timestamp">When the evidence says it happened (UTC); null when it does not say.</param>
/// <param name="TaggedAs">The id as the finding (or its runbook hunt) gave it, e.g. a revoked <c>T1100</c> for <c>T1505.003</c>.</param>
/// <param name="Runbook">The runbooks and versions that found it (<c>proxyshell@1.2.0, proxynotshell@1.0.0</c>); null for an outside rule.</param>
/// <param name="Hunt">The rule that fired, else the runbook hunt steps.</param>
/// <param name="FromRunbook">The finding carried no technique; <paramref name="TaggedAs"/> comes from its runbook hunt.</param>
public sealed record CaseAttackEvidence(
    string FindingId,
    string Title,
    string Severity,
    string Tenant,
    string Host,
    DateTime? Timestamp,
    string TaggedAs,
    string? Runbook,
    string? Hunt,
    bool FromRunbook = false);
