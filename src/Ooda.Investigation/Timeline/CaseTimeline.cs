using Ooda.Investigation.Cases;
using Ooda.Store;

namespace Ooda.Investigation.Timeline;

/// <summary>A case's timeline: the case supplies the tenant, the hosts in scope, the default anchor and the recorded lane.</summary>
public static class CaseTimeline
{
    /// <exception cref="TimelineException">The anchor names nothing (or several things), or the case has no finding to anchor on.</exception>
    /// <exception cref="FormatException">The anchor text is none of the accepted forms.</exception>
    public static TimelineResult Build(Workspace workspace, StoredCase @case, CaseTimelineOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(options);
        var anchor = options.Around is { } around
            ? TimelineAnchor.Parse(around).Resolve(workspace, @case.Tenant)
            : DefaultAnchor(workspace, @case);
        var hosts = options.Hosts.Count > 0 ? options.Hosts : [.. @case.Hosts.Select(h => h.Host)];
        var request = TimelineRequest.Around(anchor.Time, options.Before, options.After) with
        {
            Tenant = @case.Tenant,
            Hosts = hosts,
            Sources = options.Sources,
            Limit = options.Limit,
            CaseId = @case.Id,
            SummaryLength = options.SummaryLength,
        };
        return TimelineBuilder.Build(workspace, request, cancellationToken) with { Anchor = anchor };
    }

    /// <summary>The earliest evidence time among the case's linked findings.</summary>
    /// <exception cref="TimelineException">No linked finding says when its evidence happened.</exception>
    public static TimelinePoint DefaultAnchor(Workspace workspace, StoredCase @case)
    {
        var first = CaseService.FindingsOf(workspace, @case)
            .Where(f => f.Timestamp != DateTime.MinValue)
            .OrderBy(f => f.Timestamp)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new TimelineException($"case {@case.Id} has no linked finding with an evidence time; pass --around <finding|event|time>");
        return new TimelinePoint(first.Timestamp, first.Host,
            $"earliest finding {CaseService.ShortId(first.Id)} ({first.Title}) on {first.Host} at {TimelineAnchor.Iso(first.Timestamp)}");
    }
}
