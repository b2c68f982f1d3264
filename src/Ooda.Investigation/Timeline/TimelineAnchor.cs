using System.Globalization;
using System.Text.RegularExpressions;
using Ooda.Store;

namespace Ooda.Investigation.Timeline;

/// <summary>
/// A <c>--around</c> value: a finding id, an event (<c>&lt;sha256-prefix&gt;:&lt;record-id&gt;</c> or
/// <c>&lt;sha256-prefix&gt;:L&lt;line&gt;</c>), or an ISO 8601 time (a time without a zone is UTC).
/// </summary>
public sealed partial record TimelineAnchor
{
    private TimelineAnchor(TimelineAnchorKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public TimelineAnchorKind Kind { get; }

    /// <summary>The value as given.</summary>
    public string Text { get; }

    /// <summary>For <see cref="TimelineAnchorKind.Time"/>: the time, UTC.</summary>
    public DateTime? Time { get; private init; }

    /// <summary>For <see cref="TimelineAnchorKind.Event"/>: the start of the evidence file's SHA-256, lower case.</summary>
    public string? Sha256Prefix { get; private init; }

    public long? RecordId { get; private init; }

    public long? Line { get; private init; }

    /// <summary>For <see cref="TimelineAnchorKind.Finding"/>: the id or its prefix, lower case.</summary>
    public string? FindingId { get; private init; }

    /// <exception cref="FormatException">None of the three forms.</exception>
    public static TimelineAnchor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (EventForm().Match(value) is { Success: true } e)
        {
            var number = long.Parse(e.Groups["number"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            var byLine = e.Groups["line"].Success;
            return new TimelineAnchor(TimelineAnchorKind.Event, value)
            {
                Sha256Prefix = e.Groups["sha"].Value.ToLowerInvariant(),
                RecordId = byLine ? null : number,
                Line = byLine ? number : null,
            };
        }

        if (TimeForm().IsMatch(value))
        {
            if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
                throw new FormatException($"--around '{text}' looks like a time but is not one (use ISO 8601, e.g. 2021-08-06T10:00:00Z)");
            return new TimelineAnchor(TimelineAnchorKind.Time, value) { Time = DateTime.SpecifyKind(time, DateTimeKind.Utc) };
        }

        if (FindingForm().IsMatch(value))
            return new TimelineAnchor(TimelineAnchorKind.Finding, value) { FindingId = value.ToLowerInvariant() };
        throw new FormatException(
            $"--around '{text}' is not a finding id (6+ hex characters), an event (<sha256-prefix>:<record-id> or <sha256-prefix>:L<line>) or an ISO 8601 time");
    }

    /// <summary>Finds what the anchor names; with a tenant, refuses evidence of another tenant.</summary>
    /// <exception cref="TimelineException">Nothing matches, several things do, or the finding has no evidence time.</exception>
    public TimelinePoint Resolve(Workspace workspace, string? tenant = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        switch (Kind)
        {
            case TimelineAnchorKind.Time:
                return new TimelinePoint(Time!.Value, null, "time " + Iso(Time.Value));
            case TimelineAnchorKind.Event:
            {
                var matches = workspace.FindEventsAt([new TimelineEventKey(Sha256Prefix!, RecordId, Line)], tenant);
                var where = RecordId is { } record ? $"record {record}" : $"line {Line}";
                if (matches.Count == 0)
                    throw new TimelineException($"no stored event{(tenant is null ? string.Empty : $" of tenant {tenant}")} at {where} of a file whose SHA-256 starts {Sha256Prefix}");
                if (matches.Count > 1)
                {
                    var places = string.Join(", ", matches.Take(5).Select(m => $"{m.Host}:{m.Provenance.Sha256[..Math.Min(16, m.Provenance.Sha256.Length)]}"));
                    throw new TimelineException($"{matches.Count} stored events are at {where} of files whose SHA-256 starts {Sha256Prefix} ({places}); give more of the hash");
                }

                var e = matches[0];
                if (e.Timestamp == DateTime.MinValue)
                    throw new TimelineException($"the event at {where} of {e.Provenance.File} has no time; anchor on a time instead");
                return new TimelinePoint(e.Timestamp, e.Host, $"event {e.Provenance} on {e.Host} at {Iso(e.Timestamp)}");
            }

            default:
            {
                var finding = workspace.FindFinding(FindingId!)
                    ?? throw new TimelineException($"no single finding matches '{FindingId}' (give more of its id)");
                if (tenant is not null && !string.Equals(finding.Tenant, tenant, StringComparison.Ordinal))
                    throw new TimelineException($"finding {finding.Id} belongs to tenant {finding.Tenant}, not {tenant}");
                if (finding.Timestamp == DateTime.MinValue)
                    throw new TimelineException($"finding {finding.Id} ({finding.Title}) has no evidence time; anchor on a time or an event instead");
                return new TimelinePoint(finding.Timestamp, finding.Host, $"finding {finding.Id[..Math.Min(12, finding.Id.Length)]} ({finding.Title}) on {finding.Host} at {Iso(finding.Timestamp)}");
            }
        }
    }

    public override string ToString() => Text;

    internal static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex("^(?<sha>[0-9a-fA-F]{6,64}):(?<line>[Ll])?(?<number>[0-9]{1,18})$", RegexOptions.CultureInvariant)]
    private static partial Regex EventForm();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}", RegexOptions.CultureInvariant)]
    private static partial Regex TimeForm();

    [GeneratedRegex("^[0-9a-fA-F]{6,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex FindingForm();
}
