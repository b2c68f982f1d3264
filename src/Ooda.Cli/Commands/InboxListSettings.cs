using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

public sealed class InboxListSettings : WorkspaceSettings
{
    [CommandOption("--tenant <TENANT>")]
    public string? Tenant { get; init; }

    [CommandOption("--state <STATE>")]
    [Description("arrived, ingested, hunted or failed.")]
    public string? State { get; init; }

    [CommandOption("--limit <N>")]
    [Description("At most this many rows, oldest first (default 200).")]
    public int Limit { get; init; } = 200;
}
