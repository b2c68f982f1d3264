namespace Ooda.Detection.Runbooks;

/// <summary>What changed between two versions of a runbook, section by section, items matched by their identity.</summary>
public static class RunbookDiff
{
    public static IReadOnlyList<RunbookDiffEntry> Compare(Runbook before, Runbook after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var entries = new List<RunbookDiffEntry>();
        Scalar(entries, "title", before.Title, after.Title);
        Scalar(entries, "status", before.Status, after.Status);
        Scalar(entries, "summary", before.Summary, after.Summary);
        Set(entries, "cves", before.Threat.Cves, after.Threat.Cves);
        Set(entries, "actors", before.Threat.Actors, after.Threat.Actors);
        Set(entries, "references", before.Threat.References, after.Threat.References);
        Set(entries, "affectedBuilds", before.AffectedBuilds, after.AffectedBuilds);
        Keyed(entries, "ttps", before.Ttps, after.Ttps, t => t.Technique, t => t.Note);
        Keyed(entries, "iocs", before.Iocs, after.Iocs, i => $"{i.Type} {i.Value}", i => i.Comment);
        Keyed(entries, "pocs", before.Pocs, after.Pocs, p => p.Url, p => p.Description);
        Keyed(entries, "hunts", before.Hunts, after.Hunts, h => h.Id, h => $"{h.Kind} {h.Severity} [{string.Join(",", h.Techniques)}] {h.Title}\n{h.Body}");
        Keyed(entries, "remediation", before.Remediation, after.Remediation, r => r.Id, r => $"{r.Action} {r.Target} {r.Description} {r.Command}");
        Keyed(entries, "changelog", before.Changelog, after.Changelog, c => c.Version.ToString(), c => string.Join("; ", c.Changes));
        return entries;
    }

    private static void Scalar(List<RunbookDiffEntry> entries, string section, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
            entries.Add(new RunbookDiffEntry(section, '~', after ?? "(none)", "was: " + (before ?? "(none)")));
    }

    private static void Set(List<RunbookDiffEntry> entries, string section, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        entries.AddRange(before.Except(after, StringComparer.Ordinal).Select(v => new RunbookDiffEntry(section, '-', v)));
        entries.AddRange(after.Except(before, StringComparer.Ordinal).Select(v => new RunbookDiffEntry(section, '+', v)));
    }

    private static void Keyed<T>(List<RunbookDiffEntry> entries, string section, IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> key, Func<T, string?> content)
    {
        var old = before.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = after.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (k, item) in old)
        {
            if (!now.TryGetValue(k, out var current))
                entries.Add(new RunbookDiffEntry(section, '-', k));
            else if (!string.Equals(content(item), content(current), StringComparison.Ordinal))
                entries.Add(new RunbookDiffEntry(section, '~', k, "changed"));
        }

        entries.AddRange(now.Keys.Where(k => !old.ContainsKey(k)).Select(k => new RunbookDiffEntry(section, '+', k, content(now[k])?.Split('\n')[0])));
    }
}
