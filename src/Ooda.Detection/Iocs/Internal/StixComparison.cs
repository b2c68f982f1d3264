namespace Ooda.Detection.Iocs.Internal;

/// <summary>One comparison of a STIX pattern: <c>file:hashes.'SHA-256' = '…'</c>, with its values (several for <c>IN</c>).</summary>
/// <param name="ObjectType">The cyber-observable type, e.g. <c>file</c>, <c>network-traffic</c>.</param>
/// <param name="Property">The property path with quotes removed, e.g. <c>hashes.SHA-256</c>, <c>dst_ref.value</c>.</param>
/// <param name="Operator">The operator as written: <c>=</c>, <c>IN</c>, <c>MATCHES</c>, …</param>
/// <param name="Negated">True after <c>NOT</c> (or for <c>!=</c>).</param>
internal sealed record StixComparison(string ObjectType, string Property, string Operator, bool Negated, IReadOnlyList<string> Values)
{
    public override string ToString() => $"{ObjectType}:{Property} {(Negated ? "NOT " : string.Empty)}{Operator}";
}
