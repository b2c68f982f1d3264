using System.Globalization;
using System.Text.RegularExpressions;
using Ooda.Investigation.Timeline.Internal;
using Ooda.Store;

namespace Ooda.Investigation.Timeline;

/// <summary>
/// One <c>--source</c> selector: a log family (<c>sysmon</c>, <c>security 4624</c>, <c>iis</c>, <c>httpproxy</c>, <c>cmdlet</c>),
/// any channel by name (<c>TaskScheduler</c>, <c>ECP Server</c>), or a lane (<c>files</c>, <c>file created</c>,
/// <c>file modified</c>, <c>findings</c>). An event id may follow after a space or colon.
/// </summary>
public sealed partial record TimelineSource
{
    private TimelineSource(string text) => Text = text;

    /// <summary>The selector as given.</summary>
    public string Text { get; }

    /// <summary>The events it selects, or null when it selects a lane that is not events.</summary>
    public TimelineEventSource? Events { get; private init; }

    public bool FileCreated { get; private init; }

    public bool FileModified { get; private init; }

    public bool Findings { get; private init; }

    /// <exception cref="FormatException">Empty, or an event id that is not a number.</exception>
    public static TimelineSource Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            throw new FormatException("a --source names a log (sysmon, security 4624, iis, httpproxy, cmdlet, a channel) or files/findings");
        switch (trimmed.ToLowerInvariant())
        {
            case "files" or "file" or "captured files":
                return new TimelineSource(trimmed) { FileCreated = true, FileModified = true };
            case "file created" or "created":
                return new TimelineSource(trimmed) { FileCreated = true };
            case "file modified" or "modified":
                return new TimelineSource(trimmed) { FileModified = true };
            case "findings" or "finding":
                return new TimelineSource(trimmed) { Findings = true };
        }

        var match = NameAndId().Match(trimmed);
        var name = match.Groups["name"].Value.Trim();
        int? id = null;
        if (match.Groups["id"].Success)
        {
            if (!int.TryParse(match.Groups["id"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                throw new FormatException($"--source '{text}': '{match.Groups["id"].Value}' is not an event id");
            id = parsed;
        }

        var family = SourceFamilies.Named(name);
        var events = family is null
            ? new TimelineEventSource { Channels = SourceFamilies.ChannelsNamed(name), EventId = id }
            : new TimelineEventSource { Kinds = family.Kinds, Channels = family.Channels, EventId = id };
        return new TimelineSource(trimmed) { Events = events };
    }

    public override string ToString() => Text;

    [GeneratedRegex(@"^(?<name>.+?)(?:[\s:#]+(?<id>[0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex NameAndId();
}
