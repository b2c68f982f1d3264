namespace Ooda.Sigma.Internal;

/// <summary>Renames rule fields to the field names of one event source; null means the source lacks the field.</summary>
internal sealed class FieldRewriter(FieldTable table, Func<string, string?> map)
{
    public FieldTable Table { get; } = table;

    public string? Map(string field) => map(field);
}
