using System.Globalization;

namespace Ooda.Reports.Internal;

/// <summary>The executive summary as plain sentences, the same for every format; each format escapes them as it writes them.</summary>
internal static class SummaryText
{
    public static IReadOnlyList<string> Sentences(CaseReport report)
    {
        var s = report.Summary;
        var sentences = new List<string>();
        if (s.Lead is { } lead)
        {
            sentences.Add($"The case began with \"{lead.Title}\" ({lead.Severity}) on {lead.Host}"
                + (lead.Time is { } t ? $" at {ReportText.Time(t)}." : "."));
        }

        if (s.FirstActivity is { } first && s.LastActivity is { } last)
            sentences.Add($"Attacker activity in the evidence spans {ReportText.Time(first)} to {ReportText.Time(last)} ({Span(last - first)}).");
        var total = s.FindingsBySeverity.Sum(p => p.Value);
        if (total > 0)
        {
            sentences.Add(Inv($"{total} finding{Plural(total)} support the case (")
                + string.Join(", ", s.FindingsBySeverity.Select(p => Inv($"{p.Value} {p.Key}")))
                + Inv($"); they show {s.Techniques} ATT&CK technique{Plural(s.Techniques)}."));
        }
        else
        {
            sentences.Add("No finding is linked to the case yet.");
        }

        if (s.ReachedHosts.Count > 0)
        {
            sentences.Add($"From {Join(s.EntryHosts)} the attacker moved laterally to {Join(s.ReachedHosts)}; "
                + Inv($"{report.Scope.Count} host{Plural(report.Scope.Count)} are in scope."));
        }
        else
        {
            sentences.Add(Inv($"No lateral movement beyond {Join(s.EntryHosts)} was found; {report.Scope.Count} host{Plural(report.Scope.Count)} in scope."));
        }

        if (report.Actions.Count > 0)
        {
            sentences.Add(Inv($"{report.Actions.Count} response action{Plural(report.Actions.Count)}: ")
                + string.Join(", ", report.Actions.GroupBy(a => a.State, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => Inv($"{g.Count()} {g.Key}")))
                + ".");
        }
        else
        {
            sentences.Add("No response action is recorded yet.");
        }

        if (report.Recommendations.FirstOrDefault(r => r.Kind == "install-build") is { } build)
            sentences.Add("Most urgent: " + build.Text);
        return sentences;
    }

    private static string Join(IReadOnlyList<string> items) =>
        items.Count == 0 ? "the hosts in scope" : items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    private static string Plural(int n) => n == 1 ? string.Empty : "s";

    private static string Span(TimeSpan span) =>
        span.TotalDays >= 2 ? Inv($"{span.TotalDays:0.#} days")
        : span.TotalHours >= 2 ? Inv($"{span.TotalHours:0.#} hours")
        : Inv($"{Math.Max(0, span.TotalMinutes):0} minutes");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
