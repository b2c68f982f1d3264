using System.Collections;
using System.Collections.Immutable;
using Ooda.Core;
using Ooda.Detection.Iocs.Internal;

namespace Ooda.Detection.Iocs;

/// <summary>
/// An immutable, validated collection of indicators: values normalised (hashes and domains lower-case, addresses
/// canonical, reports' defanging undone), each kind and value once. Bad indicators are left out with a diagnostic.
/// </summary>
public sealed class IocSet : IReadOnlyList<Ioc>
{
    private readonly ImmutableArray<Ioc> _iocs;

    private IocSet(ImmutableArray<Ioc> iocs) => _iocs = iocs;

    public static IocSet Empty { get; } = new([]);

    public int Count => _iocs.Length;

    public Ioc this[int index] => _iocs[index];

    /// <summary>
    /// Validates and normalises <paramref name="iocs"/>. Each unusable one becomes an error naming its <see cref="Ioc.Source"/>;
    /// a repeat merges its tags into the first and becomes a warning.
    /// </summary>
    public static IocSet Create(IEnumerable<Ioc> iocs, ICollection<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(iocs);
        var builder = new IocSetBuilder(diagnostics);
        foreach (var ioc in iocs)
            builder.Add(ioc);
        return builder.ToSet();
    }

    /// <summary>Checks one indicator: the normalised form, or null with the reason.</summary>
    public static Ioc? Normalize(Ioc ioc, out string? error)
    {
        ArgumentNullException.ThrowIfNull(ioc);
        return IocNormalizer.Normalize(ioc, out error, out _);
    }

    /// <summary>This set and another; indicators of the other that repeat one here only add their tags.</summary>
    public IocSet Union(IocSet other, ICollection<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Count == 0 ? this : Count == 0 ? other : Create(_iocs.Concat(other), diagnostics);
    }

    /// <summary>How many indicators of one kind the set holds.</summary>
    public int CountOf(IocKind kind)
    {
        var count = 0;
        foreach (var ioc in _iocs)
            count += ioc.Kind == kind ? 1 : 0;
        return count;
    }

    public ImmutableArray<Ioc>.Enumerator GetEnumerator() => _iocs.GetEnumerator();

    IEnumerator<Ioc> IEnumerable<Ioc>.GetEnumerator() => ((IEnumerable<Ioc>)_iocs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)_iocs).GetEnumerator();

    internal static IocSet FromNormalized(ImmutableArray<Ioc> iocs) => iocs.IsEmpty ? Empty : new IocSet(iocs);
}
