namespace Ooda.Store;

/// <summary>
/// One kind of evidence a stack counts values from: which rows (table, source kind, channel, event ids, field conditions)
/// and how their value is built (parts joined by a separator, optionally kept only when it matches a pattern).
/// </summary>
public sealed record StackSource
{
    /// <summary>Display name, e.g. <c>Sysmon 1 Image</c>.</summary>
    public required string Name { get; init; }

    public StackTable Table { get; init; } = StackTable.Events;

    /// <summary>Only events of this source kind (store name, e.g. <c>iis-w3c</c>); null for any.</summary>
    public string? SourceKind { get; init; }

    /// <summary>Only events of this channel (any case); null for any.</summary>
    public string? Channel { get; init; }

    /// <summary>Only events with one of these ids; empty for any.</summary>
    public IReadOnlyList<int> EventIds { get; init; } = [];

    /// <summary>Field conditions (<see cref="FieldFilter"/> syntax) every row must meet.</summary>
    public IReadOnlyList<FieldFilter> Conditions { get; init; } = [];

    /// <summary>The fields the value is made of; a row with none of them is not counted, a missing one shows as <c>-</c>.</summary>
    public required IReadOnlyList<StackPart> Parts { get; init; }

    /// <summary>Between parts (<c> → </c> for parent and child).</summary>
    public string Separator { get; init; } = " | ";

    /// <summary>The finished value must match one of these wildcard patterns (any case, <c>*</c> for any run); empty for any.</summary>
    public IReadOnlyList<string> ValuePatterns { get; init; } = [];
}
