using Ooda.Core;

namespace Ooda.Sigma;

/// <summary>One base hit that contributed to a correlation: which rule matched, when, where, and where the event was read.</summary>
/// <param name="Rule">The referenced rule (a detection rule, or a correlation for chains).</param>
public sealed record SigmaCorrelationEvent(SigmaRule Rule, DateTime Timestamp, string Tenant, string Host, Provenance Provenance);
