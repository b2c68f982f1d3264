using System.Collections.Immutable;

namespace Ooda.Detection.Iocs;

/// <summary>
/// One indicator of compromise. <see cref="IocSet"/> validates and normalises it; two indicators are equal when every
/// property is, tags compared element by element.
/// </summary>
/// <param name="Kind">What the value is and how it is matched.</param>
/// <param name="Value">The indicator itself: a hash, an address, a domain, a glob, a regular expression, a substring.</param>
public sealed record Ioc(IocKind Kind, string Value)
{
    /// <summary>What the indicator means (malware family, report, campaign), in the list author's words.</summary>
    public string? Comment { get; init; }

    public IocSource Source { get; init; } = IocSource.None;

    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>From when (UTC) the indicator holds; null for always. Matching honours it only when asked to.</summary>
    public DateTime? ValidFrom { get; init; }

    /// <summary>Until when (UTC) the indicator holds; null for always.</summary>
    public DateTime? ValidUntil { get; init; }

    /// <summary>0–100 (STIX confidence, signature-base score); null when the list does not say.</summary>
    public int? Confidence { get; init; }

    /// <summary>For the regex kinds: a regular expression that, when it also matches, marks a known false positive.</summary>
    public string? Exclude { get; init; }

    public bool Equals(Ioc? other) =>
        other is not null
        && Kind == other.Kind
        && string.Equals(Value, other.Value, StringComparison.Ordinal)
        && string.Equals(Comment, other.Comment, StringComparison.Ordinal)
        && Source == other.Source
        && Tags.AsSpan().SequenceEqual(other.Tags.AsSpan())
        && ValidFrom == other.ValidFrom
        && ValidUntil == other.ValidUntil
        && Confidence == other.Confidence
        && string.Equals(Exclude, other.Exclude, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, Value, Comment, Source, Tags.Length, ValidFrom, Confidence);

    public override string ToString() => $"{IocKinds.Name(Kind)}:{Value}";
}
