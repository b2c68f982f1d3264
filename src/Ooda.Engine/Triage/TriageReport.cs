using Ooda.Core;

namespace Ooda.Engine.Triage;

/// <summary>The ranked hosts (investigate first at the top), the per-tenant roll-up, and what was wrong with the input.</summary>
public sealed record TriageReport(IReadOnlyList<HostTriage> Hosts, IReadOnlyList<TenantTriage> Tenants, IReadOnlyList<Diagnostic> Diagnostics);
