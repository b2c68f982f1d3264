using Ooda.Core;

namespace Ooda.Detection.Iocs.Internal;

/// <summary>
/// Collects indicators into an <see cref="IocSet"/>: each is normalised, rejected with a diagnostic naming its source,
/// or merged into an earlier equal one (tags united, the first source kept) with a warning.
/// </summary>
internal sealed class IocSetBuilder(ICollection<Diagnostic>? diagnostics)
{
    private readonly List<Ioc> _iocs = [];
    private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);

    /// <summary>Indicators offered that were unusable.</summary>
    public int Rejected { get; private set; }

    /// <summary>Indicators offered that repeated an earlier one.</summary>
    public int Duplicates { get; private set; }

    public int Count => _iocs.Count;

    /// <summary>Adds one indicator; true when it was new and usable.</summary>
    public bool Add(Ioc ioc)
    {
        var normalized = IocNormalizer.Normalize(ioc, out var error, out var warning);
        if (normalized is null)
        {
            Reject(ioc.Source, error!);
            return false;
        }

        if (warning is not null)
            Report(normalized.Source, warning, DiagnosticSeverity.Warning);
        var key = IocNormalizer.Key(normalized.Kind, normalized.Value);
        if (_byKey.TryGetValue(key, out var first))
        {
            Duplicates++;
            var earlier = _iocs[first];
            var tags = earlier.Tags.AddRange(normalized.Tags.Where(t => !earlier.Tags.Contains(t, StringComparer.Ordinal)));
            _iocs[first] = earlier with { Tags = tags };
            Report(normalized.Source, $"{normalized} repeats {earlier.Source}", DiagnosticSeverity.Warning);
            return false;
        }

        _byKey.Add(key, _iocs.Count);
        _iocs.Add(normalized);
        return true;
    }

    /// <summary>Counts an entry that never became an indicator, with the reason.</summary>
    public void Reject(IocSource source, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        Rejected++;
        Report(source, message, severity);
    }

    public void Report(IocSource source, string message, DiagnosticSeverity severity) =>
        diagnostics?.Add(new Diagnostic(source.File ?? string.Empty, source.Location ?? string.Empty, message, severity));

    public IocSet ToSet() => IocSet.FromNormalized([.. _iocs]);
}
