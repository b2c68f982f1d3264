using System.Globalization;

namespace Ooda.Detection.Runbooks;

/// <summary>
/// Writes the next version of a runbook from a lesson: only what is new is added (IOCs by type and value, techniques by id,
/// hunts by id), each item carries its provenance, and the changelog says what changed, when and from which case.
/// Nothing is removed: retiring an IOC or a hunt is an analyst's edit, not something a case can decide.
/// </summary>
public static class RunbookLearner
{
    /// <summary>The next minor version, or null when the lesson holds nothing the runbook does not already have.</summary>
    public static Runbook? Learn(Runbook current, RunbookLesson lesson, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(lesson);
        var knownIocs = current.Iocs.Select(Key).ToHashSet(StringComparer.Ordinal);
        var iocs = lesson.Iocs
            .Where(i => knownIocs.Add(Key(i)))
            .Select(i => i with { Source = i.Source ?? lesson.Source })
            .ToList();
        var knownTechniques = current.Ttps.Select(t => t.Technique).ToHashSet(StringComparer.Ordinal);
        var techniques = lesson.Techniques
            .Where(t => knownTechniques.Add(t.Technique))
            .Select(t => t with { Source = t.Source ?? lesson.Source })
            .ToList();
        var knownHunts = current.Hunts.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        var hunts = lesson.NewHunts
            .Where(h => knownHunts.Add(h.Id))
            .Select(h => h with { Source = h.Source ?? lesson.Source })
            .ToList();
        if (iocs.Count == 0 && techniques.Count == 0 && hunts.Count == 0)
            return null;

        var version = current.Version.NextMinor();
        var changes = new List<string>();
        Describe(changes, iocs.Count, "IOC", string.Join(", ", iocs.GroupBy(i => i.Type).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}"))));
        Describe(changes, techniques.Count, "technique", string.Join(", ", techniques.Select(t => t.Technique)));
        Describe(changes, hunts.Count, "hunt", string.Join(", ", hunts.Select(h => h.Id)));
        var confirmed = lesson.ConfirmedHunts.Where(current.Hunts.Select(h => h.Id).Contains).Distinct(StringComparer.Ordinal).ToList();
        if (confirmed.Count > 0)
            changes.Add("confirmed in the field: " + string.Join(", ", confirmed));
        return current with
        {
            Version = version,
            Iocs = [.. current.Iocs, .. iocs],
            Ttps = [.. current.Ttps, .. techniques],
            Hunts = [.. current.Hunts, .. hunts],
            Changelog = [.. current.Changelog, new RunbookChange(version, date, changes, lesson.Source, lesson.Author)],
            SourcePath = string.Empty,
        };
    }

    private static string Key(RunbookIoc ioc) => ioc.Type + "\n" + (ioc.Type is "ip" or "cidr" or "domain" or "md5" or "sha1" or "sha256" or "filename" ? ioc.Value.ToLowerInvariant() : ioc.Value);

    private static void Describe(List<string> changes, int count, string noun, string what)
    {
        if (count > 0)
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"learned {count} {noun}{(count == 1 ? string.Empty : "s")}: {what}"));
    }
}
