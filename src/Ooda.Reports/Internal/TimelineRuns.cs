namespace Ooda.Reports.Internal;

/// <summary>Consecutive rows of one host with the same finding (an IIS line and its HttpProxy twin, a burst of requests), folded into one table line.</summary>
internal static class TimelineRuns
{
    /// <summary>Table lines at most; the drawing still shows every row, and the CLI's timeline command lists them all.</summary>
    public const int MaxLines = 300;

    public static IReadOnlyList<(ReportTimelineRow First, int Count, DateTime Last)> Fold(IReadOnlyList<ReportTimelineRow> rows)
    {
        var runs = new List<(ReportTimelineRow First, int Count, DateTime Last)>();
        foreach (var row in rows)
        {
            if (runs.Count > 0 && runs[^1] is var (first, count, _)
                && string.Equals(first.Host, row.Host, StringComparison.OrdinalIgnoreCase) && first.FindingTitle == row.FindingTitle)
                runs[^1] = (first, count + 1, row.Time);
            else
                runs.Add((row, 1, row.Time));
        }

        return runs;
    }

    /// <summary>The row's summary, with how many alike rows follow and until when.</summary>
    public static string Summary((ReportTimelineRow First, int Count, DateTime Last) run) =>
        run.Count == 1 ? run.First.Summary : FormattableString.Invariant($"{run.First.Summary}  (+{run.Count - 1} alike until {ReportText.Time(run.Last)[11..]})");
}
