namespace Ooda.Store;

/// <summary>The rarest values first, and the totals they are rare against.</summary>
/// <param name="Rows">At most <see cref="StackQuery.Limit"/> values, fewest hosts first, then fewest events, then by value.</param>
/// <param name="DistinctValues">How many values the sources gave (before <see cref="StackQuery.MaxHosts"/> and the limit).</param>
/// <param name="Hosts">How many distinct hosts gave any value.</param>
/// <param name="Events">How many rows (events or captured files) gave a value.</param>
/// <param name="IndexedFiles">Ingested files whose values were extracted into the stack index by this call (0 once it is up to date).</param>
public sealed record StackResult(IReadOnlyList<StackRow> Rows, long DistinctValues, int Hosts, long Events, int IndexedFiles);
