using Ooda.Core;
using Ooda.Store;

namespace Ooda.Investigation.Timeline.Internal;

/// <summary>The sources a timeline names: a table, so a new log family is a line here, not a branch in the code.</summary>
internal static class SourceFamilies
{
    public const string EventRecorded = "Event Recorded";
    public const string RequestLogged = "Request Logged";
    public const string LogEntry = "Log Entry";

    private const string WindowsPrefix = "Microsoft-Windows-";
    private const string OperationalSuffix = "/Operational";

    public static readonly IReadOnlyList<SourceFamily> All =
    [
        new("Sysmon", ["sysmon"], [], ["Microsoft-Windows-Sysmon/Operational"], true, EventRecorded),
        new("Security", ["security"], [], ["Security"], true, EventRecorded),
        new("System", ["system"], [], ["System"], true, EventRecorded),
        new("PowerShell", ["powershell"], [], ["Microsoft-Windows-PowerShell/Operational", "Windows PowerShell", "PowerShellCore/Operational"], true, EventRecorded),
        new("Exchange cmdlet", ["cmdlet", "cmdlets"], [], ["MSExchange Management"], false, EventRecorded),
        new("IIS", ["w3svc"], [SourceKind.IisW3c, SourceKind.IisLegacy], [], false, RequestLogged),
        new("HttpProxy", ["http proxy"], [SourceKind.ExchangeLog], ["HttpProxy"], false, RequestLogged),
    ];

    /// <summary>The family an event belongs to, or null for one the table does not name.</summary>
    public static SourceFamily? Of(EvidenceEvent e)
    {
        foreach (var family in All)
        {
            if (Matches(family.Kinds, family.Channels, null, e))
                return family;
        }

        return null;
    }

    /// <summary>The row label: <c>Sysmon 1</c>, <c>Security 4624</c>, <c>IIS</c>, <c>ECP Server</c>, <c>TaskScheduler 106</c>.</summary>
    public static string Label(EvidenceEvent e, SourceFamily? family)
    {
        if (family is not null)
            return family.ShowsEventId && e.EventId is { } id ? $"{family.Label} {id}" : family.Label;
        var name = e.Kind switch
        {
            SourceKind.WindowsEvent or SourceKind.FlatJson => ShortChannel(e.Channel ?? e.Provider) ?? "Event",
            SourceKind.IisW3c or SourceKind.IisLegacy => "IIS",
            SourceKind.ExchangeLog => e.Channel ?? "Exchange",
            SourceKind.W3c => e.Channel ?? "W3C",
            _ => e.Channel ?? SourceKindNames.Of(e.Kind),
        };
        return e.EventId is { } eventId ? $"{name} {eventId}" : name;
    }

    public static string TimestampDescription(EvidenceEvent e, SourceFamily? family) =>
        family?.TimestampDescription ?? e.Kind switch
        {
            SourceKind.WindowsEvent or SourceKind.FlatJson => EventRecorded,
            SourceKind.IisW3c or SourceKind.IisLegacy or SourceKind.ExchangeLog => RequestLogged,
            _ => LogEntry,
        };

    /// <summary>The family <paramref name="name"/> names (its label or an alias, any case), or null.</summary>
    public static SourceFamily? Named(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Label, name, StringComparison.OrdinalIgnoreCase)
            || f.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase));

    /// <summary>The channel names a free-form source name stands for: as given, and with the Windows prefix and suffix it was shown without.</summary>
    public static string[] ChannelsNamed(string name) =>
        [name, WindowsPrefix + name, name + OperationalSuffix, WindowsPrefix + name + OperationalSuffix];

    /// <summary>The same test the store applies in SQL, for events that reach a timeline another way.</summary>
    public static bool Matches(IReadOnlyList<SourceKind> kinds, IReadOnlyList<string> channels, int? eventId, EvidenceEvent e) =>
        (kinds.Count == 0 || kinds.Contains(e.Kind))
        && (channels.Count == 0 || (e.Channel is { } channel && channels.Contains(channel, StringComparer.OrdinalIgnoreCase)))
        && (eventId is null || e.EventId == eventId);

    private static string? ShortChannel(string? channel)
    {
        if (channel is null)
            return null;
        var name = channel.StartsWith(WindowsPrefix, StringComparison.OrdinalIgnoreCase) ? channel[WindowsPrefix.Length..] : channel;
        return name.EndsWith(OperationalSuffix, StringComparison.OrdinalIgnoreCase) ? name[..^OperationalSuffix.Length] : name;
    }
}
