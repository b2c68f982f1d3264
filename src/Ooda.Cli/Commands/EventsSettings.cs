using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class EventsSettings : WorkspaceSettings
{
    [CommandOption("--tenant <TENANT>")]
    public string? Tenant { get; init; }

    [CommandOption("--host <HOST>")]
    public string? Host { get; init; }

    [CommandOption("--from <TIME>")]
    [Description("Events at or after this UTC time (ISO 8601).")]
    public string? From { get; init; }

    [CommandOption("--to <TIME>")]
    [Description("Events before this UTC time (ISO 8601).")]
    public string? To { get; init; }

    [CommandOption("--channel <CHANNEL>")]
    [Description("Windows channel or log type (e.g. Security, HttpProxy, W3SVC1).")]
    public string? Channel { get; init; }

    [CommandOption("--event-id <IDS>")]
    [Description("Event ids, comma-separated; may repeat.")]
    public string[] EventIds { get; init; } = [];

    [CommandOption("--where <FIELD=VALUE>")]
    [Description("Field condition, case-insensitive, * as wildcard; name!=value negates; may repeat.")]
    public string[] Where { get; init; } = [];

    [CommandOption("--limit <N>")]
    [Description("At most N events (default 100; 0 for all).")]
    [DefaultValue(100)]
    public int Limit { get; init; } = 100;
}
