using Ooda.Core;

namespace Ooda.Sigma.Internal;

/// <summary>
/// One buffered base hit of a correlation, kept small (no event, no field map): time, which referenced rule, tenant,
/// host, the interned group key, the value (distinct text or number, NaN when absent or not numeric) and provenance.
/// </summary>
internal readonly record struct CorrelationHit(long Ticks, int Slot, string Tenant, string Host, string Key, string? Text, double Number, Provenance Provenance);
